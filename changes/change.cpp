// ChangeSet bookkeeping and the names of rules, sections and change kinds.
#include "changes/change.h"

#include <algorithm>

namespace mac::changes {

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> rules = {
#define RULE(ENUM, ID, BUMP, SUMMARY) {RuleId::ENUM, ID, Bump::BUMP, SUMMARY},
#include "changes/rules.def"
#undef RULE
  };
  return rules;
}

const RuleInfo &ruleInfo(RuleId rule) { return allRules()[static_cast<size_t>(rule)]; }

std::string_view sectionName(Section section) {
  switch (section) {
  case Section::Assets:
    return "Assets";
  case Section::Flows:
    return "Flows";
  case Section::DataModel:
    return "Data model";
  case Section::Integrations:
    return "Integrations";
  }
  return "Assets";
}

std::string_view changeKindName(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::Added:
    return "added";
  case ChangeKind::Removed:
    return "removed";
  case ChangeKind::Changed:
    return "changed";
  case ChangeKind::Moved:
    return "moved";
  case ChangeKind::Renamed:
    return "renamed";
  }
  return "changed";
}

Change &ChangeSet::add(Section section, ChangeKind kind, RuleId rule, std::string subject,
                       std::string before, std::string after) {
  Change change;
  change.section = section;
  change.kind = kind;
  change.rule = rule;
  change.bump = ruleInfo(rule).bump;
  change.subject = std::move(subject);
  change.before = std::move(before);
  change.after = std::move(after);
  changes_.push_back(std::move(change));
  return changes_.back();
}

void ChangeSet::finish() {
  std::stable_sort(changes_.begin(), changes_.end(),
                   [](const Change &a, const Change &b) { return a.section < b.section; });
}

Bump ChangeSet::required() const {
  Bump bump = Bump::None;
  for (const Change &change : changes_)
    bump = std::max(bump, change.bump);
  return bump;
}

std::vector<const Change *> ChangeSet::needing(Bump bump) const {
  std::vector<const Change *> out;
  for (const Change &change : changes_)
    if (change.bump == bump)
      out.push_back(&change);
  return out;
}

} // namespace mac::changes
