// textDocument/completion, from the tokens before the cursor in the buffer
// (completion_context.h) and the names of the bundle's last analysis:
//  - keywords valid where the cursor is: top level, inside each kind of
//    block (a flow's settings and steps, an `if`'s steps, a test, …), and
//    inside a condition (`if`, `where`, `when`, `goal`, `require`, `expect`);
//  - after a keyword that takes a name, the declared names of that kind
//    (`send` → templates, `add tag`/`has tag` → tags, `call` → webhooks,
//    `in list` → lists, `set` → fields, `flag` → flags, …);
//  - in a condition, after a field, the operators its type allows;
//  - after `FIELD ==` / `!=` / `in [` (and `set FIELD =`, `to`), the
//    values of an enum field as strings (also inside an open string);
//  - after `use`, the stdlib modules.
// Items are those whose label starts with the word being typed; each
// replaces that word (a TextEdit, so `std.tc` and `"Pro` are replaced whole).
#include "compiler/lsp/features/completion_context.h"
#include "compiler/lsp/features/completion_words.h"
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

#include "compiler/sema/stdlib.h"

#include <algorithm>
#include <initializer_list>

namespace mac::lsp::features {
namespace {

using sema::AssetKind;

struct Item {
  std::string label;
  int kind = Keyword;
  std::string detail;
};

class Completer {
public:
  Completer(const CompletionContext &context, const sema::Program *program)
      : context_(context), program_(program) {
    for (const Token &token : context.statement)
      words_.push_back(token.text);
  }

  std::vector<Item> run() {
    if (context_.nothing)
      return {};
    if (context_.inString) {
      values(true);
      return std::move(items_);
    }
    std::string_view block = context_.blocks.empty() ? "" : context_.blocks.back();
    bool inFlow =
        std::find(context_.blocks.begin(), context_.blocks.end(), "flow") != context_.blocks.end();
    if (words_.empty()) {
      if (block.empty())
        keywords(kTopLevel);
      else if (inFlow && block == "flow")
        keywords(kFlowSettings), keywords(kSteps);
      else if (inFlow)
        keywords(kSteps);
      else if (block == "contact")
        assets({AssetKind::Field}), keywords(blockKeywords(block));
      else
        keywords(blockKeywords(block));
      return std::move(items_);
    }
    if (std::optional<size_t> start = conditionStart(block))
      condition(*start);
    else
      statement(block);
    return std::move(items_);
  }

private:
  void keywords(const Words &words, int kind = Keyword) {
    for (std::string_view word : words)
      items_.push_back({std::string(word), kind, ""});
  }

  void assets(std::initializer_list<AssetKind> kinds, bool numbersOnly = false) {
    if (!program_)
      return;
    for (const auto &[name, ref] : program_->names) {
      if (std::find(kinds.begin(), kinds.end(), ref.kind) == kinds.end())
        continue;
      if (numbersOnly && program_->fields[ref.index].type != sema::FieldType::Number)
        continue;
      const sema::Declared &declared = program_->declared(ref);
      std::string detail(sema::assetKindName(ref.kind));
      if (ref.kind == AssetKind::Field)
        detail +=
            std::string(": ") + std::string(sema::fieldTypeName(program_->fields[ref.index].type));
      else if (declared.display != declared.name)
        detail += " \"" + declared.display + "\"";
      items_.push_back({name, itemKind(ref.kind), detail});
    }
  }

  void envs() {
    if (program_)
      for (const sema::Env &env : program_->envs)
        items_.push_back({env.name, Module, "environment"});
  }

  void channelsWithConsent() {
    if (program_)
      for (const sema::Consent &consent : program_->consents)
        items_.push_back({std::string(sema::channelName(consent.channel)), Value, "consent"});
  }

  /// The field named `name`, if declared.
  const sema::Field *field(std::string_view name) const {
    if (!program_)
      return nullptr;
    auto it = program_->names.find(name);
    if (it == program_->names.end() || it->second.kind != AssetKind::Field)
      return nullptr;
    return &program_->fields[it->second.index];
  }

  /// The values a field can be compared with or set to: an enum's values as
  /// strings, or `true` and `false`. The field is found before the cursor:
  /// `F ==`, `F !=`, `F in [ …,`, `set F =`, `F =` (a test contact), `F to`.
  void values(bool onlyStrings) {
    const sema::Field *target = nullptr;
    size_t n = words_.size();
    if (n >= 2 && (words_[n - 1] == "==" || words_[n - 1] == "!=" || words_[n - 1] == "=" ||
                   words_[n - 1] == "to"))
      target = field(words_[n - 2]);
    for (size_t i = n; !target && i >= 3; --i)
      if (words_[i - 1] == "[" && words_[i - 2] == "in")
        target = field(words_[i - 3]);
      else if (words_[i - 1] != "," && context_.statement[i - 1].kind != Token::Kind::String)
        break;
    if (!target)
      return;
    if (target->type == sema::FieldType::Enum)
      for (const std::string &value : target->enumValues)
        items_.push_back({"\"" + value + "\"", EnumMember, "value of " + target->name});
    else if (target->type == sema::FieldType::Bool && !onlyStrings)
      keywords({"true", "false"}, Value);
  }

  /// Where a condition starts in the statement, if it has one.
  std::optional<size_t> conditionStart(std::string_view block) const {
    static const Words starters = {"if", "where", "when", "goal", "require"};
    for (size_t i = 0; i < words_.size(); ++i) {
      std::string_view word = words_[i];
      if (word == "require" && block == "policy")
        return std::nullopt; // `require consent CHANNEL;`
      if (std::find(starters.begin(), starters.end(), word) != starters.end())
        return i + 1;
      if (word == "expect") {
        size_t next = i + 1 < words_.size() && words_[i + 1] == "not" ? i + 2 : i + 1;
        if (next < words_.size() &&
            (words_[next] == "sent" || words_[next] == "called" || words_[next] == "enrolled"))
          return std::nullopt;
        if (next == words_.size())
          return std::nullopt; // `expect` or `expect not`: the statement rules offer both
        return i + 1;
      }
    }
    return std::nullopt;
  }

  void conditionStartItems() {
    assets({AssetKind::Field});
    keywords(kConditionStart);
  }

  void condition(size_t start) {
    size_t n = words_.size();
    std::string_view last = n > start ? words_[n - 1] : "";
    std::string_view before = n > start + 1 ? words_[n - 2] : "";
    Token::Kind lastKind = n > start ? context_.statement[n - 1].kind : Token::Kind::Symbol;
    if (n == start || last == "(" || last == "and" || last == "or" || last == "not")
      return conditionStartItems();
    if (last == "in")
      return field(before) ? void() : keywords({"list", "segment"});
    if (last == "list" && before == "in")
      return assets({AssetKind::List});
    if (last == "segment" && before == "in")
      return assets({AssetKind::Segment});
    if (last == "has")
      return keywords({"tag"});
    if (last == "tag" && before == "has")
      return assets({AssetKind::Tag});
    if (last == "flag")
      return assets({AssetKind::Flag});
    if (last == "consent")
      return channelsWithConsent();
    if (last == "is")
      return keywords({"set", "empty"});
    if (last == "==" || last == "!=" || last == "[" || last == ",")
      return values(false);
    if (const sema::Field *subject = lastKind == Token::Kind::Word ? field(last) : nullptr;
        subject &&
        (n == start + 1 || before == "(" || before == "and" || before == "or" || before == "not"))
      return keywords(operatorsFor(subject->type), Operator);
    keywords({"and", "or"});
  }

  void statement(std::string_view block) {
    size_t n = words_.size();
    std::string_view first = words_[0], last = words_[n - 1];
    auto is = [&](const Words &words) {
      return n == words.size() && std::equal(words.begin(), words.end(), words_.begin());
    };
    if (first == "use")
      return modules();
    if (is({"send"}) || is({"expect", "sent"}) || is({"expect", "not", "sent"}))
      return assets({AssetKind::Email, AssetKind::Sms, AssetKind::Push});
    if (is({"call"}) || is({"expect", "called"}) || is({"expect", "not", "called"}))
      return assets({AssetKind::Webhook});
    if (is({"expect", "enrolled"}) || is({"expect", "not", "enrolled"}))
      return assets({AssetKind::Flow});
    if (is({"expect"}))
      return keywords({"sent", "called", "enrolled", "not"}), conditionStartItems();
    if (is({"expect", "not"}))
      return keywords({"sent", "called", "enrolled"});
    if (is({"add"}))
      return keywords({"tag", "to"});
    if (is({"remove"}))
      return keywords({"tag", "from"});
    if (is({"add", "tag"}) || is({"remove", "tag"}) || is({"on", "tag_added"}) ||
        (block == "contact" && is({"tag"})))
      return assets({AssetKind::Tag});
    if (is({"add", "to"}) || is({"remove", "from"}))
      return keywords({"list"});
    if (is({"add", "to", "list"}) || is({"remove", "from", "list"}) || is({"on", "list_joined"}) ||
        is({"suppress", "list"}) || (block == "contact" && is({"list"})))
      return assets({AssetKind::List});
    if (is({"suppress", "segment"}))
      return assets({AssetKind::Segment});
    if (is({"suppress"}))
      return keywords({"unsubscribed", "list", "segment"});
    if (is({"set"}) || is({"on", "field_changed"}) ||
        (block == "consent" && (is({"field"}) || is({"timestamp"}) || is({"source"}))) ||
        ((first == "payload" || (first == "dedupe" && n >= 2)) &&
         (last == "," || last == first || last == "by")))
      return assets({AssetKind::Field});
    if (is({"increment"}))
      return assets({AssetKind::Field}, true);
    if (is({"dedupe"}))
      return keywords({"by"});
    if (is({"safe_mode"}))
      return assets({AssetKind::Segment, AssetKind::List});
    if ((first == "envs" && (last == "envs" || last == ",")) ||
        (block == "webhook" && is({"url"})) || (block == "test" && is({"env"})))
      return envs();
    if (is({"on"}))
      return keywords(
          {"form_submitted", "tag_added", "list_joined", "field_changed", "event", "schedule"});
    if (n == 3 && first == "on" && words_[1] == "field_changed")
      return keywords({"to"});
    if (is({"on", "schedule"}))
      return keywords({"daily"});
    if (is({"wait"}))
      return keywords({"until", "for"});
    if (is({"wait", "for"}) || is({"emit"}))
      return keywords({"event"});
    if (is({"reenroll"}))
      return keywords({"never", "after"});
    if (is({"assign"}))
      return keywords({"owner"});
    if (is({"assign", "owner"}))
      return keywords({"round_robin", "queue", "user"});
    if (is({"quiet_hours"}) || (block == "policy" && is({"require", "consent"})))
      return keywords({"email", "sms", "push"}, Value);
    if (block == "policy" && is({"require"}))
      return keywords({"consent"});
    if (block == "webhook" && is({"method"}))
      return keywords({"DELETE", "GET", "PATCH", "POST", "PUT"}, Value);
    if (block == "email" && is({"unsubscribe"}))
      return keywords({"one_click", "link"}, Value);
    if (first == "targets" && (last == "targets" || last == ","))
      return keywords({"activecampaign", "gohighlevel", "hubspot", "klaviyo", "marketo", "sfmc"},
                      Value);
    if (block.empty() && first == "field" && last == ":")
      return keywords({"text", "number", "bool", "email", "phone", "datetime", "date", "enum"},
                      TypeParameter);
    if (last == "=" || last == "to")
      return values(false);
  }

  void modules() {
    for (const sema::StdlibModule &module : sema::stdlibModules())
      items_.push_back({std::string(module.name), Module, "stdlib module"});
  }

  const CompletionContext &context_;
  const sema::Program *program_;
  std::vector<std::string_view> words_;
  std::vector<Item> items_;
};

} // namespace

Reply completion(Server &server, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  const std::string &text = request.document->text;
  LineIndex lines(text);
  CompletionContext context = completionContext(text, lines.offset(request.position));
  if (!context.statement.empty() && context.statement[0].text == "use") {
    // A module name is `std.NAME`: the whole of it after `use` is replaced.
    if (context.statement.size() > 1)
      context.replaceBegin = context.statement[1].begin;
    context.prefix = std::string_view(text).substr(
        context.replaceBegin, lines.offset(request.position) - context.replaceBegin);
  }
  const sema::Program *program = request.bundle ? request.bundle->program.get() : nullptr;
  Range replace{lines.position(context.replaceBegin), lines.position(context.replaceEnd)};
  Json items = Json::array();
  for (const Item &item : Completer(context, program).run()) {
    if (!std::string_view(item.label).starts_with(context.prefix))
      continue;
    Json json{{"label", item.label},
              {"kind", item.kind},
              {"textEdit", toJson(TextEdit{replace, item.label})}};
    if (!item.detail.empty())
      json["detail"] = item.detail;
    items.push_back(std::move(json));
  }
  return items;
}

} // namespace mac::lsp::features
