// dumpProgram (see program_dump.h), over the backends' own BuildContext and
// flow plans so that the dump sees exactly what a build would lower.
#include "importers/program_dump.h"

#include "analyzer/program_queries.h"
#include "backends/build_context.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace mac::importer {

namespace {

using backend::BuildContext;
using backend::Condition;
using backend::FlowPlan;
using backend::NodeIndex;

std::string raw(const sema::Value &value) {
  if (value.kind == ast::LiteralKind::Bool)
    return value.boolean ? "true" : "false";
  if (value.kind == ast::LiteralKind::Number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value.number);
    return buffer;
  }
  if (value.kind == ast::LiteralKind::Duration || value.kind == ast::LiteralKind::Clock)
    return std::to_string(value.seconds);
  return value.text;
}

class Dumper {
public:
  Dumper(BuildContext &ctx) : ctx_(ctx), program_(ctx.program()) {}

  std::string ref(sema::AssetRef asset) {
    const sema::Declared &decl = program_.declared(asset);
    std::string kind(backend::bindingKind(asset.kind));
    if (asset.kind == sema::AssetKind::List || asset.kind == sema::AssetKind::Segment ||
        (asset.kind == sema::AssetKind::Tag && klaviyo())) // Klaviyo keeps tags as lists
      kind = "audience";
    if (asset.kind == sema::AssetKind::Field)
      return "field:" + ctx_.fieldName(sema::FieldId{asset.index});
    if (std::optional<std::string> id = ctx_.boundId(asset))
      return kind + "#" + *id;
    return kind + ":" + decl.name;
  }
  std::string field(sema::FieldId id) { return ref({sema::AssetKind::Field, id.value}); }
  bool klaviyo() const { return ctx_.target() == "klaviyo"; }
  /// A tag as the boolean the platform stores it in, where it has no tags.
  std::string tag(sema::TagId id) {
    sema::AssetRef asset{sema::AssetKind::Tag, id.value};
    const std::string &name = program_.tags[id.value].name;
    std::optional<std::string> bound = ctx_.boundId(asset);
    if (ctx_.target() == "hubspot")
      return "field:" + bound.value_or("mac_tag_" + name);
    if (ctx_.target() == "sfmc")
      return "field:" + bound.value_or("tag_" + name);
    return ref(asset);
  }

  std::string leaf(const sema::Cond &c) {
    using K = sema::CondKind;
    static const char *ops[] = {"==", "!=", "<", "<=", ">", ">="};
    switch (c.kind) {
    case K::Compare:
      return field(c.field) + " " + ops[static_cast<int>(c.op)] + " " + raw(c.values.front());
    case K::InValues: {
      if (c.values.size() == 1)
        return field(c.field) + " == " + raw(c.values.front());
      std::vector<std::string> values;
      for (const sema::Value &v : c.values)
        values.push_back(raw(v));
      std::sort(values.begin(), values.end());
      std::string out = field(c.field) + " in [";
      for (size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + values[i];
      return out + "]";
    }
    case K::Contains:
      return field(c.field) + " contains " + raw(c.values.front());
    case K::StartsWith:
      return field(c.field) + " starts_with " + raw(c.values.front());
    case K::EndsWith:
      return field(c.field) + " ends_with " + raw(c.values.front());
    case K::IsSet:
      return field(c.field) + " is set";
    case K::IsEmpty:
      return field(c.field) + " is empty";
    case K::Consent:
      return "consent " + std::string(sema::channelName(c.channel));
    case K::InList:
      return "in " + ref({sema::AssetKind::List, c.list.value});
    case K::InSegment:
      return "in " + ref({sema::AssetKind::Segment, c.segment.value});
    case K::HasTag:
      if (klaviyo())
        return "in " + tag(c.tag);
      return tag(c.tag) + " == true";
    case K::True:
      return "true";
    case K::False:
      return "false";
    default:
      return "?";
    }
  }

  /// A delay as the platform keeps it: Klaviyo counts whole minutes (the
  /// backend rounds up).
  int64_t delay(int64_t seconds) const {
    return klaviyo() && seconds % 60 != 0 ? (seconds / 60 + 1) * 60 : seconds;
  }
  /// Klaviyo's push send: the message's name, title and text, which is all
  /// Klaviyo keeps of the `push` (no template, no id).
  std::string push(sema::PushId id) {
    const sema::Push &push = program_.pushes[id.value];
    return "send push \"" + ctx_.displayName(push) + "\" title " +
           (push.title ? "\"" + klaviyoText(push.title->value) + "\"" : std::string("none")) +
           " text \"" + klaviyoText(push.text ? push.text->value : "") + "\"";
  }
  /// Klaviyo: `{{name | default: x}}` placeholders as `{{property|default:x}}`
  /// for the profile property the field is (the backend rewrites them so).
  std::string klaviyoText(const std::string &text) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
      size_t open = text.find("{{", at);
      size_t close = open == std::string::npos ? open : text.find("}}", open + 2);
      if (close == std::string::npos) {
        out.append(text, at);
        break;
      }
      out.append(text, at, open - at);
      std::string inside = text.substr(open + 2, close - open - 2);
      size_t bar = inside.find('|');
      std::string name = trim(inside.substr(0, bar)), fallback;
      if (bar != std::string::npos) {
        std::string filter = trim(inside.substr(bar + 1));
        size_t colon = filter.find(':');
        if (filter.rfind("default", 0) == 0 && colon != std::string::npos)
          fallback = trim(filter.substr(colon + 1));
      }
      for (uint32_t i = 0; i < program_.fields.size(); ++i)
        if (program_.fields[i].name == name) {
          name = ctx_.fieldName(sema::FieldId{i});
          break;
        }
      out += "{{" + name + (fallback.empty() ? "" : "|default:" + fallback) + "}}";
      at = close + 2;
    }
    return out;
  }
  static std::string trim(const std::string &text) {
    size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
      return {};
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
  }

  /// On SFMC a list is the Boolean column that stores it: a bound list's
  /// column does not say it is a list.
  std::optional<std::string> listColumn(sema::AssetRef list) {
    if (ctx_.target() != "sfmc" || list.kind != sema::AssetKind::List)
      return std::nullopt;
    return "field:" + ctx_.boundId(list).value_or("list_" + program_.declared(list).name);
  }

  std::string literal(const backend::Literal &l) {
    const Condition &c = *l.leaf;
    std::optional<sema::AssetRef> list;
    if (c.op == Condition::Op::Audience)
      list = c.audience;
    else if (program_.cond(c.leaf).kind == sema::CondKind::InList)
      list = sema::AssetRef{sema::AssetKind::List, program_.cond(c.leaf).list.value};
    if (std::optional<std::string> column = list ? listColumn(*list) : std::nullopt)
      return *column + (l.negated ? " != true" : " == true");
    if (c.op == Condition::Op::Audience)
      return (l.negated ? "not in " : "in ") + ref(c.audience);
    const sema::Cond &cond = program_.cond(c.leaf);
    if (l.negated && (cond.kind == sema::CondKind::IsSet || cond.kind == sema::CondKind::IsEmpty))
      return field(cond.field) + (cond.kind == sema::CondKind::IsSet ? " is empty" : " is set");
    // Platforms store operators, not `not`: `not F == v` is `F != v`, `not F < v` is `F >= v`.
    static const char *opposite[] = {"!=", "==", ">=", ">", "<=", "<"};
    if (l.negated && cond.kind == sema::CondKind::Compare)
      return field(cond.field) + " " + opposite[static_cast<int>(cond.op)] + " " +
             raw(cond.values.front());
    if (l.negated && cond.kind == sema::CondKind::InValues && cond.values.size() == 1)
      return field(cond.field) + " != " + raw(cond.values.front());
    return (l.negated ? "not " : "") + leaf(cond);
  }

  /// SFMC has no segments: the backend writes each as its `where` condition.
  Condition inlineSegments(const Condition &c, int depth = 0) {
    std::optional<sema::SegmentId> segment;
    if (c.op == Condition::Op::Audience && c.audience.kind == sema::AssetKind::Segment)
      segment = sema::SegmentId{c.audience.index};
    if (c.op == Condition::Op::Leaf && program_.cond(c.leaf).kind == sema::CondKind::InSegment)
      segment = program_.cond(c.leaf).segment;
    if (segment && depth < 16) {
      backend::FlagResolver::Resolved where =
          ctx_.flags().resolve(program_.segments[segment->value].where);
      if (!where.constant)
        return inlineSegments(where.condition, depth + 1);
    }
    Condition out = c;
    for (Condition &operand : out.operands)
      operand = inlineSegments(operand, depth);
    return out;
  }

  std::string condition(const Condition &original) {
    Condition c = ctx_.target() == "sfmc" ? inlineSegments(original) : original;
    std::optional<backend::Dnf> dnf = backend::toDnf(c, 256);
    if (!dnf)
      return "<too large>";
    std::set<std::string> clauses;
    for (const auto &clause : *dnf) {
      std::set<std::string> literals;
      for (const backend::Literal &l : clause)
        literals.insert(literal(l));
      std::string text;
      for (const std::string &l : literals)
        text += (text.empty() ? "" : " and ") + l;
      clauses.insert("(" + text + ")");
    }
    std::string out;
    for (const std::string &c : clauses)
      out += (out.empty() ? "" : " or ") + c;
    return out.empty() ? "false" : out;
  }

  std::string statement(const sema::Stmt &s) {
    using K = sema::StmtKind;
    switch (s.kind) {
    case K::Set:
      return "set " + field(s.field) + " = " + raw(s.value);
    case K::Increment:
      return "increment " + field(s.field) + " by " + raw(s.value);
    case K::Send:
      if (klaviyo() && s.target.kind == sema::AssetKind::Push) // no template: the message
        return push(sema::PushId{s.target.index});
      return "send " + ref(s.target);
    case K::Wait:
      return "wait " + std::to_string(delay(s.value.seconds)) + "s";
    case K::WaitUntil:
      return "wait until minute " + std::to_string(s.value.seconds);
    case K::WaitEvent:
      if (ctx_.target() == "klaviyo") // Klaviyo cannot resume on an event: a plain delay
        return "wait " + std::to_string(delay(s.value.seconds)) + "s";
      return "wait for event " + s.text + " timeout " + std::to_string(s.value.seconds) + "s";
    case K::Call: {
      const sema::Webhook &hook = program_.webhooks[s.target.index];
      return "call " + hook.method + " " + ctx_.webhookUrl(sema::WebhookId{s.target.index});
    }
    case K::AssignOwner:
      return "assign owner " + s.text + " " + s.message.value;
    case K::AddTag:
      if (klaviyo())
        return "add to " + tag(sema::TagId{s.target.index});
      return "set " + tag(sema::TagId{s.target.index}) + " = true";
    case K::RemoveTag:
      if (klaviyo())
        return "remove from " + tag(sema::TagId{s.target.index});
      return "set " + tag(sema::TagId{s.target.index}) + " = false";
    case K::AddToList:
    case K::RemoveFromList:
      if (std::optional<std::string> column = listColumn(s.target))
        return "set " + *column + (s.kind == K::AddToList ? " = true" : " = false");
      return (s.kind == K::AddToList ? "add to " : "remove from ") + ref(s.target);
    case K::Notify:
      if (klaviyo()) // the address the alert goes to, the text as Klaviyo stores it
        return "notify " + ctx_.boundExternal("alert", s.text).value_or(s.text) + " " +
               klaviyoText(s.message.value);
      return "notify " + s.text + " " + s.message.value;
    case K::Emit:
      return "emit event " + s.text;
    default:
      return "?";
    }
  }

  /// The plan from `node`, shared continuations expanded; iterative over
  /// the steps of a path, recursive over branches.
  void tree(const FlowPlan &plan, NodeIndex node, size_t depth, std::string &out) {
    std::string indent(depth * 2 + 2, ' ');
    while (node != backend::kEnd) {
      const backend::PlanNode &n = plan.node(node);
      if (n.kind == backend::PlanNode::Kind::Step) {
        out += indent + statement(program_.stmt(n.stmt)) + "\n";
        node = n.next;
        continue;
      }
      out += indent + "if " + condition(n.condition) + "\n";
      tree(plan, n.ifTrue, depth + 1, out);
      out += indent + "else\n";
      tree(plan, n.ifFalse, depth + 1, out);
      return;
    }
  }

  std::string trigger(const sema::Trigger &t) {
    using K = sema::TriggerKind;
    if (ctx_.target() == "sfmc" && t.kind != K::Schedule)
      return "api entry event"; // every SFMC entry is an API event fired from outside
    if (klaviyo() && (t.kind == K::FormSubmitted || t.kind == K::Event)) {
      // both are metric triggers: a bound form is the metric it records
      if (std::optional<std::string> metric =
              ctx_.boundExternal(t.kind == K::Event ? "metric" : "form", t.text))
        return "metric " + *metric;
    }
    switch (t.kind) {
    case K::FormSubmitted:
      return "form_submitted " + t.text;
    case K::Event:
      return "event " + t.text;
    case K::TagAdded:
      if (klaviyo()) // a list trigger on the list that stands for the tag
        return "list_joined " + tag(t.tag);
      return ctx_.target() == "hubspot" || ctx_.target() == "sfmc"
                 ? "field_changed " + tag(t.tag) + " to true"
                 : "tag_added " + ref({sema::AssetKind::Tag, t.tag.value});
    case K::ListJoined:
      return "list_joined " + ref({sema::AssetKind::List, t.list.value});
    case K::FieldChanged:
      return "field_changed " + field(t.field) + (t.value ? " to " + raw(*t.value) : "");
    case K::Schedule:
      return "schedule daily at minute " + (t.value ? std::to_string(t.value->seconds) : "?");
    }
    return "?";
  }

  std::string policy(const sema::PolicyRule &rule) {
    switch (rule.kind) {
    case sema::PolicyKind::QuietHours:
      if (ctx_.target() == "klaviyo") // the window is the account's setting
        return "quiet_hours " + std::string(sema::channelName(rule.channel));
      if (ctx_.target() == "sfmc") // a WAIT until the window's end
        return "quiet_hours " + std::string(sema::channelName(rule.channel)) + " until " +
               std::to_string(rule.endMinute);
      return "quiet_hours " + std::to_string(rule.startMinute) + ".." +
             std::to_string(rule.endMinute);
    case sema::PolicyKind::SuppressUnsubscribed:
      return "suppress unsubscribed";
    case sema::PolicyKind::SuppressList:
      if (std::optional<std::string> column = listColumn({sema::AssetKind::List, rule.list.value}))
        return "suppress where (" + *column + " == true)";
      return "suppress " + ref({sema::AssetKind::List, rule.list.value});
    case sema::PolicyKind::SuppressSegment:
      if (ctx_.target() == "sfmc") {
        Condition audience = Condition::of(Condition::Op::Audience);
        audience.audience = {sema::AssetKind::Segment, rule.segment.value};
        return "suppress where " + condition(audience);
      }
      return "suppress " + ref({sema::AssetKind::Segment, rule.segment.value});
    case sema::PolicyKind::RequireConsent:
      return "require consent " + std::string(sema::channelName(rule.channel));
    }
    return "?";
  }

  /// Whether the plan sends on `channel` (any channel when unset), only
  /// marketing sends when `marketing`.
  bool sends(const FlowPlan &plan, std::optional<sema::Channel> channel = {},
             bool marketing = false) {
    for (const backend::PlanNode &n : plan.nodes) {
      if (n.kind != backend::PlanNode::Kind::Step)
        continue;
      const sema::Stmt &s = program_.stmt(n.stmt);
      std::optional<sema::Channel> on = analyzer::sendChannel(s);
      if (on && (!channel || on == channel) &&
          !(marketing && analyzer::isTransactional(program_, s.target)))
        return true;
    }
    return false;
  }
  bool sendsEmail(const FlowPlan &plan) { return sends(plan, sema::Channel::Email); }

  /// Whether the target carries `rule` for this flow. Klaviyo and SFMC
  /// suppress unsubscribed contacts themselves, and write quiet hours and
  /// consent on the sends of the channel (SFMC also suppressions, on any
  /// send): a flow without such a send does not carry them.
  bool carried(const sema::PolicyRule &rule, const FlowPlan &plan) {
    bool klaviyo = ctx_.target() == "klaviyo", sfmc = ctx_.target() == "sfmc";
    switch (rule.kind) {
    case sema::PolicyKind::SuppressUnsubscribed:
      return !klaviyo && !sfmc;
    case sema::PolicyKind::QuietHours:
      return !(klaviyo || sfmc) || sends(plan, rule.channel);
    case sema::PolicyKind::RequireConsent:
      return !(klaviyo || sfmc) || sends(plan, rule.channel, true);
    case sema::PolicyKind::SuppressList:
    case sema::PolicyKind::SuppressSegment:
      return !sfmc || sends(plan);
    }
    return true;
  }

  std::string flow(sema::FlowId id) {
    const sema::Flow &flow = program_.flows[id.value];
    const FlowPlan &plan = ctx_.plan(id);
    std::string out = "flow \"" + ctx_.displayName(flow) + "\"\n";
    std::set<std::string> lines;
    for (const sema::Trigger &t : flow.triggers)
      lines.insert("  on " + trigger(t));
    for (const Condition &c : plan.enrolmentFilters)
      lines.insert("  require " + condition(c));
    for (const Condition &c : plan.goals)
      lines.insert("  goal " + condition(c));
    for (const sema::PolicyRule *rule : ctx_.policies(flow))
      if (carried(*rule, plan))
        lines.insert("  policy " + policy(*rule));
    for (const std::string &line : lines)
      out += line + "\n";
    out += std::string("  reenroll ") + (flow.reenrollAfterSeconds ? "yes" : "no") + "\n";
    if (std::optional<sema::Rate> rate = ctx_.throttle(flow); rate && ctx_.target() == "sfmc") {
      if (sendsEmail(plan)) // the throttle is the email sends' hourly limit
        out += "  throttle " +
               std::to_string(std::max<int64_t>(1, rate->count * 3600 / rate->perSeconds)) +
               " per hour\n";
    } else if (rate && ctx_.target() != "klaviyo") { // Klaviyo has no rate limit
      out += "  throttle " + std::to_string(rate->count) + " per " +
             std::to_string(rate->perSeconds) + "s\n";
    }
    if (plan.neverEnrols)
      out += "  never enrols\n";
    tree(plan, plan.entry, 0, out);
    return out;
  }

private:
  BuildContext &ctx_;
  const sema::Program &program_;
};

} // namespace

std::string dumpProgram(const sema::Program &program, SourceManager &sources,
                        const std::string &target, const std::string &env) {
  std::unique_ptr<analyzer::EnvironmentModel> environments =
      analyzer::EnvironmentModel::build(program);
  const analyzer::Environment *environment = environments->find(env);
  if (!environment)
    return "no environment `" + env + "`\n";
  diag::Engine ignored;
  backend::Bindings bindings = backend::Bindings::load(program.root, target, env, sources, ignored);
  BuildContext ctx(program, sources, *environments, environment->id, target, bindings,
                   backend::BuildOptions{env, ""}, ignored);
  Dumper dumper(ctx);
  std::vector<std::pair<std::string, std::string>> flows;
  for (uint32_t i = 0; i < program.flows.size(); ++i)
    flows.push_back({ctx.displayName(program.flows[i]), dumper.flow(sema::FlowId{i})});
  std::sort(flows.begin(), flows.end());
  std::string out;
  for (const auto &[name, text] : flows)
    out += text;
  return out;
}

} // namespace mac::importer
