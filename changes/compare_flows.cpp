// Flows, apart from their statement bodies (compare_steps.cpp): settings as
// props (re-enrolment, dedupe, throttle, goals, flow-level policies),
// triggers, and the enrolment filter (`require`) compared as an audience.
#include "changes/comparison.h"

#include <algorithm>

namespace mac::changes {

using namespace sema;

namespace {

std::vector<std::string> requireTerms(const Namer &names, const Flow &flow) {
  std::vector<std::string> terms;
  for (CondId filter : flow.enrolmentFilters)
    for (std::string &term : conjuncts(names, filter))
      terms.push_back(std::move(term));
  return terms;
}

std::string requireText(const Namer &names, const Flow &flow) {
  std::string text;
  for (CondId filter : flow.enrolmentFilters)
    text += (text.empty() ? "" : "; ") + renderCond(names, filter);
  return text;
}

} // namespace

void addPolicyRuleProps(const Namer &names, const std::vector<PolicyRule> &rules, Props &props) {
  for (const PolicyRule &rule : rules) {
    auto [key, value] = renderPolicyRule(names, rule);
    Prop p = prop(key, value.empty() ? key : key + " " + value, RuleId::QuietHoursChanged, true);
    p.label = "rule";
    p.added = RuleId::PolicyRuleAdded;
    p.removed = RuleId::PolicyRuleRemoved;
    props.push_back(p);
  }
}

Props flowProps(const Namer &names, size_t index) {
  const Flow &flow = names.program().flows[index];
  Props props{prop("display name", flow.display == flow.name ? "" : quote(flow.display),
                   RuleId::DisplayNameChanged)};
  std::string triggers;
  for (const Trigger &trigger : flow.triggers)
    triggers += renderTrigger(names, trigger) + "; ";
  Prop triggerProp = prop("triggers", triggers, RuleId::TriggerChanged);
  triggerProp.compared = false;
  props.push_back(triggerProp);
  props.push_back(prop("reenroll",
                       flow.reenrollAfterSeconds
                           ? "after " + renderDuration(*flow.reenrollAfterSeconds)
                           : std::string("never"),
                       RuleId::ReenrolChanged));
  std::string dedupe;
  for (FieldId field : flow.dedupe)
    dedupe += (dedupe.empty() ? "by " : ", ") + names.field(field);
  props.push_back(prop("dedupe", dedupe, RuleId::DedupeChanged));
  props.push_back(prop("throttle", flow.throttle ? renderRate(*flow.throttle) : "",
                       RuleId::FlowThrottleChanged));
  for (CondId goal : flow.goals)
    props.push_back(
        element("goal", renderCond(names, goal), RuleId::GoalAdded, RuleId::GoalRemoved));
  Prop require = prop("require", requireText(names, flow), RuleId::AudienceChanged);
  require.compared = false;
  props.push_back(require);
  addPolicyRuleProps(names, flow.policies, props);
  Prop body = prop("body", renderBody(names, flow.body), RuleId::StepChanged);
  body.compared = false;
  props.push_back(body);
  return props;
}

void compareAudience(Comparison &cmp, Section section, const std::string &subject,
                     const std::vector<std::string> &before, const std::string &beforeShown,
                     const std::vector<std::string> &after, const std::string &afterShown,
                     RuleId narrowed, RuleId widened, RuleId changed) {
  std::vector<std::string> left = before, right = after;
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  if (left == right)
    return;
  std::vector<std::string> onlyOld, onlyNew;
  std::set_difference(left.begin(), left.end(), right.begin(), right.end(),
                      std::back_inserter(onlyOld));
  std::set_difference(right.begin(), right.end(), left.begin(), left.end(),
                      std::back_inserter(onlyNew));
  // `true` is the whole audience: an empty filter.
  auto isAll = [](const std::vector<std::string> &terms) {
    return terms.empty() || (terms.size() == 1 && terms[0] == "true");
  };
  RuleId rule = changed;
  if (onlyOld.empty() || isAll(left))
    rule = narrowed;
  else if (onlyNew.empty() || isAll(right))
    rule = widened;
  ChangeKind kind = beforeShown.empty()  ? ChangeKind::Added
                    : afterShown.empty() ? ChangeKind::Removed
                                         : ChangeKind::Changed;
  Change &change = cmp.changes().add(section, kind, rule, subject, beforeShown, afterShown);
  for (const auto *terms : {&onlyOld, &onlyNew})
    for (const std::string &term : *terms)
      if (term.rfind("consent ", 0) == 0 || term.rfind("not consent ", 0) == 0)
        change.compliance = true;
}

void compareFlowMore(Comparison &cmp, size_t oldIndex, size_t newIndex,
                     const std::string &subject) {
  const Flow &before = cmp.oldProgram().flows[oldIndex];
  const Flow &after = cmp.newProgram().flows[newIndex];
  Namer oldNames = cmp.oldNames(), oldShown = cmp.oldShown(), newNames = cmp.newNames();

  // Triggers: a set. One removed and one added of the same kind is a change.
  std::vector<std::string> oldTriggers, newTriggers;
  for (const Trigger &t : before.triggers)
    oldTriggers.push_back(renderTrigger(oldNames, t));
  for (const Trigger &t : after.triggers)
    newTriggers.push_back(renderTrigger(newNames, t));
  std::vector<bool> oldUsed(before.triggers.size(), false);
  for (size_t i = 0; i < before.triggers.size(); ++i)
    if (std::find(newTriggers.begin(), newTriggers.end(), oldTriggers[i]) != newTriggers.end())
      oldUsed[i] = true;
  std::string triggerSubject = subject + std::string(kSep) + "trigger";
  for (size_t j = 0; j < after.triggers.size(); ++j) {
    if (std::find(oldTriggers.begin(), oldTriggers.end(), newTriggers[j]) != oldTriggers.end())
      continue;
    size_t match = before.triggers.size();
    for (size_t i = 0; i < before.triggers.size() && match == before.triggers.size(); ++i)
      if (!oldUsed[i] && before.triggers[i].kind == after.triggers[j].kind)
        match = i;
    if (match < before.triggers.size()) {
      oldUsed[match] = true;
      cmp.changes()
          .add(Section::Flows, ChangeKind::Changed, RuleId::TriggerChanged, triggerSubject,
               renderTrigger(oldShown, before.triggers[match]), newTriggers[j])
          .migration = "contacts who would have enrolled through the old trigger no longer do";
    } else {
      cmp.changes().add(Section::Flows, ChangeKind::Added, RuleId::TriggerAdded, triggerSubject, "",
                        newTriggers[j]);
    }
  }
  for (size_t i = 0; i < before.triggers.size(); ++i)
    if (!oldUsed[i])
      cmp.changes().add(Section::Flows, ChangeKind::Removed, RuleId::TriggerRemoved, triggerSubject,
                        renderTrigger(oldShown, before.triggers[i]), "");

  compareAudience(cmp, Section::Flows, subject + std::string(kSep) + "require",
                  requireTerms(oldNames, before), requireText(oldShown, before),
                  requireTerms(newNames, after), requireText(newNames, after),
                  RuleId::AudienceNarrowed, RuleId::AudienceWidened, RuleId::AudienceChanged);

  compareBodies(cmp, subject, before.body, after.body);
}

} // namespace mac::changes
