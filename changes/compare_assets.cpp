// What each kind of named entity is made of, for the comparison: the props of
// environments, fields, tags, lists, segments, templates, webhooks, flags and
// policies (flows: compare_flows.cpp), and the table that lists every kind.
#include "changes/comparison.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>

namespace mac::changes {

using namespace sema;

namespace {

/// The display name when one is written (sema defaults it to the name, which
/// would make every rename look like a display-name change too).
Prop displayProp(const Declared &decl) {
  return prop("display name", decl.display == decl.name ? "" : quote(decl.display),
              RuleId::DisplayNameChanged);
}

std::string textOf(const std::optional<Text> &text) { return text ? quote(text->value) : ""; }

Props envProps(const Namer &names, size_t index) {
  const Env &env = names.program().envs[index];
  Props props{displayProp(env), prop("prefix", textOf(env.prefix), RuleId::EnvPrefixChanged)};
  Prop safe = prop("safe_mode", env.safeMode.isValid() ? names.asset(env.safeMode) : "",
                   RuleId::EnvSafeModeChanged);
  safe.removed = RuleId::EnvSafeModeRemoved;
  props.push_back(safe);
  props.push_back(
      prop("throttle", env.throttle ? renderRate(*env.throttle) : "", RuleId::EnvThrottleChanged));
  Prop production =
      prop("production", env.production ? "true" : "false", RuleId::EnvProductionChanged);
  production.migration = "review which environment the platform treats as production";
  props.push_back(production);
  return props;
}

Props fieldProps(const Namer &names, size_t index) {
  const Field &field = names.program().fields[index];
  Props props{displayProp(field)};
  Prop type = prop("type", std::string(fieldTypeName(field.type)), RuleId::FieldTypeChanged);
  type.migration = "convert the values contacts already hold in `" +
                   names.field(FieldId{uint32_t(index)}) + "` to the new type";
  props.push_back(type);
  Prop optional = prop("optional", field.optional ? "optional" : "required",
                       field.optional ? RuleId::FieldMadeOptional : RuleId::FieldMadeRequired);
  if (!field.optional)
    optional.migration = "contacts without a value need one before this version is deployed";
  props.push_back(optional);
  props.push_back(prop("default", field.defaultValue ? renderValue(*field.defaultValue) : "",
                       RuleId::FieldDefaultChanged));
  for (const std::string &value : field.enumValues) {
    Prop p = element("enum values", quote(value), RuleId::EnumValueAdded, RuleId::EnumValueRemoved);
    p.migration = "contacts holding " + quote(value) + " need another value";
    props.push_back(p);
  }
  return props;
}

/// Enum values listed in another order (the values themselves are props).
void compareFieldMore(Comparison &cmp, size_t oldIndex, size_t newIndex,
                      const std::string &subject) {
  const Field &before = cmp.oldProgram().fields[oldIndex];
  const Field &after = cmp.newProgram().fields[newIndex];
  auto common = [](const Field &field, const Field &other) {
    std::string out;
    for (const std::string &value : field.enumValues)
      if (std::find(other.enumValues.begin(), other.enumValues.end(), value) !=
          other.enumValues.end())
        out += (out.empty() ? "" : ", ") + quote(value);
    return out;
  };
  std::string from = common(before, after), to = common(after, before);
  if (from != to)
    cmp.changes().add(Section::DataModel, ChangeKind::Changed, RuleId::EnumOrderChanged,
                      subject + std::string(kSep) + "enum values", from, to);
}

Props tagProps(const Namer &names, size_t index) {
  return {displayProp(names.program().tags[index])};
}
Props listProps(const Namer &names, size_t index) {
  return {displayProp(names.program().lists[index])};
}

Props segmentProps(const Namer &names, size_t index) {
  const Segment &segment = names.program().segments[index];
  Prop where = prop("where", renderCond(names, segment.where), RuleId::SegmentChanged);
  where.compared = false; // compareSegmentMore: narrowed or widened
  return {displayProp(segment), where};
}

void compareSegmentMore(Comparison &cmp, size_t oldIndex, size_t newIndex,
                        const std::string &subject) {
  CondId before = cmp.oldProgram().segments[oldIndex].where;
  CondId after = cmp.newProgram().segments[newIndex].where;
  compareAudience(cmp, Section::DataModel, subject + std::string(kSep) + "where",
                  conjuncts(cmp.oldNames(), before), renderCond(cmp.oldShown(), before),
                  conjuncts(cmp.newNames(), after), renderCond(cmp.newNames(), after),
                  RuleId::SegmentNarrowed, RuleId::SegmentWidened, RuleId::SegmentChanged);
}

/// Props every template kind shares: transactional (compliance).
Prop transactionalProp(bool transactional) {
  Prop p =
      prop("transactional", transactional ? "true" : "false", RuleId::TransactionalChanged, true);
  p.migration = "have the compliance owner confirm which consent rules now apply";
  return p;
}

Prop copyProp(std::string key, const std::optional<Text> &text, bool longText = false) {
  Prop p = prop(std::move(key), longText && text ? text->value : textOf(text),
                RuleId::TemplateTextChanged);
  p.longText = longText;
  return p;
}

Props emailProps(const Namer &names, size_t index) {
  const Email &email = names.program().emails[index];
  Props props{displayProp(email), copyProp("from", email.from), copyProp("subject", email.subject),
              copyProp("body", email.body, true)};
  Prop unsubscribe = prop("unsubscribe", email.unsubscribe, RuleId::UnsubscribeChanged, true);
  unsubscribe.removed = RuleId::UnsubscribeRemoved;
  props.push_back(unsubscribe);
  props.push_back(transactionalProp(email.transactional));
  return props;
}

/// Whether an SMS text carries the opt-out keyword `word` (STOP or HELP).
bool hasKeyword(const std::optional<Text> &text, llvm::StringRef word) {
  if (!text)
    return false;
  llvm::SmallVector<llvm::StringRef, 32> tokens;
  llvm::SplitString(text->value, tokens, " \t\n,.;:!?\"'()");
  for (llvm::StringRef token : tokens)
    if (token == word)
      return true;
  return false;
}

Props smsProps(const Namer &names, size_t index) {
  const Sms &sms = names.program().smses[index];
  Props props{displayProp(sms), copyProp("text", sms.text)};
  for (llvm::StringRef word : {"STOP", "HELP"}) {
    Prop p = prop(word.str() + " language", hasKeyword(sms.text, word) ? "present" : "",
                  RuleId::SmsOptOutAdded, true);
    p.removed = RuleId::SmsOptOutRemoved;
    p.migration =
        "SMS marketing texts must tell recipients how to opt out (STOP) and get help (HELP)";
    props.push_back(p);
  }
  props.push_back(transactionalProp(sms.transactional));
  return props;
}

Props pushProps(const Namer &names, size_t index) {
  const Push &push = names.program().pushes[index];
  return {displayProp(push), copyProp("title", push.title), copyProp("text", push.text),
          transactionalProp(push.transactional)};
}

Props webhookProps(const Namer &names, size_t index) {
  const Webhook &hook = names.program().webhooks[index];
  Props props{displayProp(hook), prop("method", hook.method, RuleId::WebhookMethodChanged)};
  for (const WebhookUrl &url : hook.urls) {
    Prop p = prop("url (" + (url.env ? names.env(url.env) : std::string("default")) + ")",
                  quote(url.url.value), RuleId::WebhookUrlChanged);
    p.added = RuleId::WebhookUrlAdded;
    p.removed = RuleId::WebhookUrlRemoved;
    props.push_back(p);
  }
  for (const WebhookHeader &header : hook.headers) {
    std::string value =
        header.secret ? "secret " + quote(header.value.value) : quote(header.value.value);
    Prop p = prop("header " + quote(header.name.value), value,
                  header.secret ? RuleId::WebhookSecretChanged : RuleId::WebhookHeaderChanged);
    p.added = RuleId::WebhookHeaderAdded;
    p.removed = RuleId::WebhookHeaderRemoved;
    p.sticky = header.secret;
    p.migrateOnAdd = header.secret;
    if (header.secret)
      p.migration = "provision the secret " + quote(header.value.value) +
                    " in the platform's secret store of every environment";
    props.push_back(p);
  }
  for (FieldId field : hook.payload) {
    Prop p = element("payload", names.field(field), RuleId::PayloadFieldAdded,
                     RuleId::PayloadFieldRemoved);
    p.migration = "tell the owner of the receiving endpoint before deploying";
    props.push_back(p);
  }
  std::string retry = hook.retries ? std::to_string(*hook.retries) + " backoff " +
                                         renderDuration(hook.backoffSeconds)
                                   : "";
  props.push_back(prop("retry", retry, RuleId::WebhookDeliveryChanged));
  props.push_back(prop("dead_letter", textOf(hook.deadLetter), RuleId::WebhookDeliveryChanged));
  props.push_back(prop("alert", textOf(hook.alert), RuleId::WebhookDeliveryChanged));
  return props;
}

Props flagProps(const Namer &names, size_t index) {
  const Flag &flag = names.program().flags[index];
  std::string envs;
  for (EnvId env : flag.envs)
    envs += (envs.empty() ? "" : ", ") + names.env(env);
  return {
      displayProp(flag),
      prop("when", flag.when ? renderCond(names, flag.when) : "", RuleId::FlagChanged),
      prop("envs", envs, RuleId::FlagChanged),
      prop("constant", flag.constant ? (*flag.constant ? "on" : "off") : "", RuleId::FlagChanged)};
}

Props policyProps(const Namer &names, size_t index) {
  const Policy &policy = names.program().policies[index];
  Props props{displayProp(policy)};
  addPolicyRuleProps(names, policy.rules, props);
  return props;
}

template <auto Member> size_t countOf(const Program &program) { return (program.*Member).size(); }
template <auto Member> const Declared &declaredOf(const Program &program, size_t index) {
  return (program.*Member)[index];
}

} // namespace

const std::vector<EntityKind> &entityKinds() {
  static const std::vector<EntityKind> kinds = {
      {"env", "env", Section::Assets, countOf<&Program::envs>, declaredOf<&Program::envs>, envProps,
       nullptr},
      {"field", "field", Section::DataModel, countOf<&Program::fields>,
       declaredOf<&Program::fields>, fieldProps, compareFieldMore},
      {"tag", "tag", Section::DataModel, countOf<&Program::tags>, declaredOf<&Program::tags>,
       tagProps, nullptr},
      {"list", "list", Section::DataModel, countOf<&Program::lists>, declaredOf<&Program::lists>,
       listProps, nullptr},
      {"segment", "segment", Section::DataModel, countOf<&Program::segments>,
       declaredOf<&Program::segments>, segmentProps, compareSegmentMore},
      {"email", "email template", Section::Assets, countOf<&Program::emails>,
       declaredOf<&Program::emails>, emailProps, nullptr},
      {"sms", "sms template", Section::Assets, countOf<&Program::smses>,
       declaredOf<&Program::smses>, smsProps, nullptr},
      {"push", "push template", Section::Assets, countOf<&Program::pushes>,
       declaredOf<&Program::pushes>, pushProps, nullptr},
      {"webhook", "webhook", Section::Integrations, countOf<&Program::webhooks>,
       declaredOf<&Program::webhooks>, webhookProps, nullptr},
      {"flag", "flag", Section::Assets, countOf<&Program::flags>, declaredOf<&Program::flags>,
       flagProps, nullptr},
      {"policy", "policy", Section::Assets, countOf<&Program::policies>,
       declaredOf<&Program::policies>, policyProps, nullptr, true},
      {"flow", "flow", Section::Flows, countOf<&Program::flows>, declaredOf<&Program::flows>,
       flowProps, compareFlowMore},
  };
  return kinds;
}

} // namespace mac::changes
