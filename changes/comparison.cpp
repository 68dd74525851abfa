// The generic property-list comparison of changes/comparison.h.
#include "changes/comparison.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>

namespace mac::changes {

Prop prop(std::string key, std::string value, RuleId rule, bool compliance) {
  Prop out;
  out.key = std::move(key);
  out.value = std::move(value);
  out.changed = out.added = out.removed = rule;
  out.compliance = compliance;
  return out;
}

Prop element(std::string label, std::string value, RuleId added, RuleId removed, bool compliance) {
  Prop out;
  out.key = label + " " + value;
  out.label = std::move(label);
  out.value = std::move(value);
  out.changed = out.added = added;
  out.removed = removed;
  out.compliance = compliance;
  return out;
}

std::string fingerprint(const Props &props) {
  std::string out;
  for (const Prop &p : props)
    if (p.key != "display name" && !p.value.empty())
      out += p.key + "=" + p.value + "\n";
  return out;
}

std::pair<std::string, std::string> textDelta(const std::string &before, const std::string &after) {
  auto shortLine = [](const std::string &text) {
    return text.size() <= 100 && text.find('\n') == std::string::npos;
  };
  if (shortLine(before) && shortLine(after))
    return {before, after};
  llvm::SmallVector<llvm::StringRef, 16> left, right;
  llvm::StringRef(before).split(left, '\n');
  llvm::StringRef(after).split(right, '\n');
  size_t line = 0;
  while (line < left.size() && line < right.size() && left[line] == right[line])
    ++line;
  auto at = [&](const llvm::SmallVectorImpl<llvm::StringRef> &lines) {
    std::string text = line < lines.size() ? lines[line].trim().str() : std::string("(no line)");
    return "line " + std::to_string(line + 1) + ": " + text;
  };
  return {at(left), at(right)};
}

void Comparison::compareProps(Section section, const std::string &subject, const Props &oldProps,
                              const Props &oldShown, const Props &newProps, bool compliance) {
  auto find = [](const Props &props, const std::string &key) -> const Prop * {
    for (const Prop &p : props)
      if (p.key == key && !p.value.empty())
        return &p;
    return nullptr;
  };
  auto subjectOf = [&](const Prop &p) {
    std::string name = p.label.empty() ? p.key : p.label;
    return subject.empty() ? name : subject + std::string(kSep) + name;
  };
  auto note = [&](Change &change, const Prop &p) {
    change.compliance = compliance || p.compliance;
    if (change.kind != ChangeKind::Added || p.migrateOnAdd)
      change.migration = p.migration;
  };
  for (const Prop &after : newProps) {
    if (!after.compared || after.value.empty())
      continue;
    const Prop *before = find(oldProps, after.key);
    if (!before) {
      note(changes_.add(section, ChangeKind::Added, after.added, subjectOf(after), "", after.value),
           after);
      continue;
    }
    if (before->value == after.value)
      continue;
    const Prop &shown = oldShown[before - oldProps.data()];
    RuleId rule = after.changed;
    if (before->sticky && ruleInfo(before->changed).bump > ruleInfo(rule).bump)
      rule = before->changed;
    auto [from, to] =
        after.longText ? textDelta(shown.value, after.value) : std::pair{shown.value, after.value};
    note(changes_.add(section, ChangeKind::Changed, rule, subjectOf(after), from, to), after);
  }
  for (size_t i = 0; i < oldProps.size(); ++i) {
    const Prop &before = oldProps[i];
    if (!before.compared || before.value.empty() || find(newProps, before.key))
      continue;
    note(changes_.add(section, ChangeKind::Removed, before.removed, subjectOf(before),
                      oldShown[i].value, ""),
         before);
  }
}

} // namespace mac::changes
