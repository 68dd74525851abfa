// Flows (triggers, settings, policy statements and the statement tree, in
// source order) and tests (environment, contact blocks, events, horizon and
// expectations).
#include "compiler/format/condition_printer.h"
#include "compiler/format/file_printer.h"

namespace mac::format {

std::string FilePrinter::triggerText(const ast::Trigger &t) const {
  using K = ast::TriggerKind;
  std::string text = t.text ? spelling_.str(*t.text) : "";
  switch (t.kind) {
  case K::FormSubmitted:
    return "form_submitted " + text;
  case K::TagAdded:
    return "tag_added " + t.name.text;
  case K::ListJoined:
    return "list_joined " + t.name.text;
  case K::Event:
    return "event " + text;
  case K::FieldChanged:
    return "field_changed " + t.name.text + (t.value ? " to " + spelling_.literal(*t.value) : "");
  case K::Schedule:
    return "schedule daily at " + (t.value ? spelling_.literal(*t.value) : "");
  }
  return "";
}

std::string FilePrinter::settingText(const ast::FlowSetting &s) const {
  using K = ast::SettingKind;
  switch (s.kind) {
  case K::ReenrollNever:
    return "reenroll never";
  case K::ReenrollAfter: {
    uint32_t from = kNoOffset, to = kNoOffset;
    if (source_.has(s.range)) {
      from = s.range.begin + static_cast<uint32_t>(source_.slice(s.range).find("after")) + 5;
      to = source_.find(from, s.range.end, ';');
    }
    return "reenroll after " + spelling_.duration(from, to, s.seconds);
  }
  case K::Dedupe:
    return "dedupe by " + names(s.fields);
  case K::Throttle:
    return "throttle " + (s.rate ? spelling_.rate(*s.rate) : "");
  default:
    return "";
  }
}

void FilePrinter::flow(const ast::FlowDecl &d) {
  std::vector<Item> items;
  for (const ast::Trigger &t : d.triggers)
    items.push_back(
        {begin(t.range), [this, &t] { leaf(t.range, t.range, "on " + triggerText(t)); }});
  for (const ast::FlowSetting &s : d.settings)
    items.push_back(
        {begin(s.range), [this, &s] {
           if (s.kind == ast::SettingKind::Goal || s.kind == ast::SettingKind::Require)
             writer_.line(begin(s.range), end(s.range),
                          condition(s.condition,
                                    s.kind == ast::SettingKind::Goal ? "goal " : "require ", ";"));
           else
             leaf(s.range, s.range, settingText(s));
         }});
  for (const ast::PolicyStmt &p : d.policies)
    items.push_back({begin(p.range), [this, &p] { leaf(p.range, p.range, policyText(p)); }});
  for (const ast::Statement *stmt : d.body)
    items.push_back({begin(stmt->range), [this, stmt] { statement(*stmt); }});
  block(d, "flow", items);
}

void FilePrinter::statements(const std::vector<ast::Statement *> &list) {
  for (const ast::Statement *stmt : list)
    statement(*stmt);
}

std::string FilePrinter::statementText(const ast::Statement &s) const {
  using K = ast::StmtKind;
  const std::string &name = s.name.text;
  auto text = [&](const std::optional<ast::StringLit> &lit) {
    return lit ? spelling_.str(*lit) : std::string("\"\"");
  };
  auto duration = [&] {
    bool known = source_.has(s.value.range);
    return spelling_.duration(known ? s.value.range.begin : kNoOffset,
                              known ? s.value.range.end : kNoOffset, s.value.seconds);
  };
  switch (s.kind) {
  case K::Set:
    return "set " + name + " = " + spelling_.literal(s.value);
  case K::Send:
    return "send " + name;
  case K::Wait:
    return "wait " + duration();
  case K::WaitUntil:
    return "wait until " + (source_.has(s.value.range)
                                ? source_.compact(s.value.range.begin, s.value.range.end)
                                : Spelling::clock(static_cast<uint32_t>(s.value.seconds)));
  case K::WaitEvent:
    return "wait for event " + text(s.text) + " timeout " + duration();
  case K::Call:
    return "call " + name;
  case K::AssignOwner:
    return "assign owner " + name + " " + text(s.text);
  case K::AddTag:
    return "add tag " + name;
  case K::RemoveTag:
    return "remove tag " + name;
  case K::AddToList:
    return "add to list " + name;
  case K::RemoveFromList:
    return "remove from list " + name;
  case K::Increment:
    return "increment " + name + " by " + spelling_.literal(s.value);
  case K::Notify:
    return "notify " + text(s.text) + " " + text(s.message);
  case K::Emit:
    return "emit event " + text(s.text);
  case K::Stop:
    return "stop";
  case K::If:
    break;
  }
  return "";
}

void FilePrinter::statement(const ast::Statement &s) {
  noteLines(&s, true);
  if (s.kind == ast::StmtKind::If)
    ifStatement(s);
  else
    leaf(s.range, s.range, statementText(s));
  noteLines(&s, false);
}

void FilePrinter::ifStatement(const ast::Statement &s) {
  auto brace = [&](const ast::Branch &b) {
    return source_.has(b.range) && b.condition
               ? source_.find(b.condition->range.end, b.range.end, '{')
               : kNoOffset;
  };
  auto strip = [](std::string text, size_t front) {
    return text.substr(front, text.size() - front - 2); // drops " {"
  };
  const ast::Branch &first = s.branches.front();
  writer_.open(begin(s.range), brace(first), strip(condition(first.condition, "if ", " {"), 0));
  statements(first.body);
  for (size_t i = 1; i < s.branches.size(); ++i) {
    const ast::Branch &b = s.branches[i];
    writer_.closeAndOpen(
        closeBrace(s.branches[i - 1].range), brace(b),
        strip(condition(b.condition, "} else if ", " {", writer_.indentWidth() - 2), 2));
    statements(b.body);
  }
  if (s.hasElse) {
    uint32_t close = closeBrace(s.branches.back().range);
    uint32_t open = close == kNoOffset ? kNoOffset : source_.find(close + 1, s.range.end, '{');
    writer_.closeAndOpen(close, open, "else");
    statements(s.elseBody);
  }
  writer_.close(closeBrace(s.range));
}

} // namespace mac::format
