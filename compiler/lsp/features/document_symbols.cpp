// textDocument/documentSymbol: the outline of one file as hierarchical
// DocumentSymbols, from the AST the last analysis kept for it (or, when the
// bundle has no analysis, from a parse of the buffer). Every declaration,
// with children: an enum field's values; a flow's triggers, settings,
// policy statements and steps (each `if`/`else if`/`else` arm holding its
// own steps); a test's expectations. Kinds (LSP SymbolKind) are listed in
// docs/lsp.md.
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

#include <llvm/Support/Casting.h>

#include <algorithm>

namespace mac::lsp::features {
namespace {

/// LSP SymbolKind numbers.
enum Kind : int {
  Module = 2,
  Namespace = 3,
  Package = 4,
  Class = 5,
  Method = 6,
  Property = 7,
  Field = 8,
  Enum = 10,
  Interface = 11,
  Function = 12,
  Constant = 14,
  String = 15,
  Boolean = 17,
  Array = 18,
  Object = 19,
  EnumMember = 22,
  Event = 24,
  Struct = 23
};

int kindOf(ast::DeclKind kind) {
  switch (kind) {
  case ast::DeclKind::Bundle:
    return Package;
  case ast::DeclKind::Use:
    return Module;
  case ast::DeclKind::Env:
    return Namespace;
  case ast::DeclKind::Field:
    return Field;
  case ast::DeclKind::Consent:
    return Object;
  case ast::DeclKind::Tag:
    return Constant;
  case ast::DeclKind::List:
    return Array;
  case ast::DeclKind::Segment:
    return Class;
  case ast::DeclKind::Email:
  case ast::DeclKind::Sms:
  case ast::DeclKind::Push:
    return String;
  case ast::DeclKind::Webhook:
    return Interface;
  case ast::DeclKind::Flag:
    return Boolean;
  case ast::DeclKind::Policy:
    return Struct;
  case ast::DeclKind::Flow:
    return Function;
  case ast::DeclKind::Lint:
    return Property;
  case ast::DeclKind::Test:
    return Function;
  }
  return Object;
}

class Outline {
public:
  Outline(const SourceManager &sources, FileId file) : text_(sources.text(file)), lines_(text_) {}

  Json file(const ast::File &file) {
    Json symbols = Json::array();
    for (const ast::Decl *decl : file.decls)
      if (Json symbol = declaration(*decl); !symbol.is_null())
        symbols.push_back(std::move(symbol));
    return symbols;
  }

private:
  Json range(SourceRange range) const {
    return toJson(
        Range{lines_.position(range.begin), lines_.position(std::max(range.begin, range.end))});
  }

  /// The first line of a range's text, without a trailing `{` or `;`, short.
  std::string summary(SourceRange range) const {
    std::string_view text = text_.substr(range.begin, range.end - range.begin);
    text = text.substr(0, text.find('\n'));
    while (!text.empty() &&
           (text.back() == '{' || text.back() == ';' || text.back() == ' ' || text.back() == '\r'))
      text.remove_suffix(1);
    if (text.size() <= 60)
      return std::string(text);
    size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut; // never inside a UTF-8 sequence
    return std::string(text.substr(0, cut)) + "…";
  }

  /// An expectation's name: its text, from `expect`.
  std::string expectName(SourceRange range) const {
    std::string text = summary(range);
    return text.starts_with("expect") ? text : "expect " + text;
  }

  Json symbol(std::string name, std::string detail, int kind, SourceRange whole,
              SourceRange selection, Json children = Json::array()) const {
    if (!selection.isValid() || !whole.contains(selection))
      selection = whole;
    Json out{{"name", name.empty() ? "?" : std::move(name)},
             {"kind", kind},
             {"range", range(whole)},
             {"selectionRange", range(selection)}};
    if (!detail.empty())
      out["detail"] = std::move(detail);
    if (!children.empty())
      out["children"] = std::move(children);
    return out;
  }

  Json declaration(const ast::Decl &decl) const {
    std::string name = decl.name.text;
    std::string detail = decl.display ? "\"" + decl.display->value + "\"" : "";
    Json children = Json::array();
    switch (decl.kind) {
    case ast::DeclKind::Use: {
      const auto &use = llvm::cast<ast::UseDecl>(decl);
      if (!use.isModule && use.path)
        name = use.path->value;
      break;
    }
    case ast::DeclKind::Lint:
      name = "lint";
      break;
    case ast::DeclKind::Field: {
      const auto &field = llvm::cast<ast::FieldDecl>(decl);
      detail = field.typeName.text + (field.optional ? "?" : "");
      for (const ast::StringLit &value : field.enumValues)
        children.push_back(symbol(value.value, "", EnumMember, value.range, value.range));
      if (!children.empty())
        return symbol(name, detail, Enum, decl.range, decl.name.range, std::move(children));
      break;
    }
    case ast::DeclKind::Flow:
      children = flow(llvm::cast<ast::FlowDecl>(decl));
      break;
    case ast::DeclKind::Test:
      for (const ast::Expectation &expect : llvm::cast<ast::TestDecl>(decl).expectations)
        children.push_back(
            symbol(expectName(expect.range), "", Property, expect.range, expect.range));
      break;
    default:
      break;
    }
    if (name.empty())
      return nullptr; // lost to a syntax error
    return symbol(name, detail, kindOf(decl.kind), decl.range, decl.name.range,
                  std::move(children));
  }

  /// A flow's triggers, settings, policy statements and steps, in source order.
  Json flow(const ast::FlowDecl &flow) const {
    std::vector<std::pair<uint32_t, Json>> children;
    for (const ast::Trigger &trigger : flow.triggers)
      children.emplace_back(trigger.range.begin, symbol(summary(trigger.range), "", Event,
                                                        trigger.range, trigger.name.range));
    for (const ast::FlowSetting &setting : flow.settings)
      children.emplace_back(setting.range.begin, symbol(summary(setting.range), "", Property,
                                                        setting.range, setting.range));
    for (const ast::PolicyStmt &stmt : flow.policies)
      children.emplace_back(stmt.range.begin,
                            symbol(summary(stmt.range), "", Property, stmt.range, stmt.range));
    Json steps = Json::array();
    this->steps(flow.body, steps);
    for (Json &step : steps)
      children.emplace_back(
          lines_.offset(Position{step["range"]["start"]["line"].get<uint32_t>(),
                                 step["range"]["start"]["character"].get<uint32_t>()}),
          std::move(step));
    std::stable_sort(children.begin(), children.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    Json out = Json::array();
    for (auto &[begin, child] : children)
      out.push_back(std::move(child));
    return out;
  }

  /// Appends the steps of a body; `if` arms hold their own steps. The depth
  /// of nested `if`s is bounded by the parser's nesting limit.
  void steps(const std::vector<ast::Statement *> &body, Json &out) const {
    for (const ast::Statement *statement : body) {
      if (statement->kind != ast::StmtKind::If) {
        out.push_back(symbol(summary(statement->range), "", Method, statement->range,
                             statement->keywordRange));
        continue;
      }
      for (size_t i = 0; i < statement->branches.size(); ++i) {
        const ast::Branch &branch = statement->branches[i];
        Json inner = Json::array();
        steps(branch.body, inner);
        SourceRange condition = branch.condition ? branch.condition->range : branch.range;
        out.push_back(symbol((i == 0 ? "if " : "else if ") + summary(condition), "", Namespace,
                             branch.range, condition, std::move(inner)));
      }
      if (!statement->elseBody.empty()) {
        Json inner = Json::array();
        steps(statement->elseBody, inner);
        SourceRange whole{statement->range.file, statement->elseBody.front()->range.begin,
                          statement->elseBody.back()->range.end};
        out.push_back(symbol("else", "", Namespace, whole, whole, std::move(inner)));
      }
    }
  }

  std::string_view text_;
  LineIndex lines_;
};

} // namespace

Reply documentSymbol(Server &server, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, false, request))
    return *error;
  if (request.bundle)
    for (const ast::File *file : request.bundle->asts.files())
      if (file->file == request.file)
        return Outline(*request.bundle->sources, request.file).file(*file);
  // No analysis holds this buffer: outline a parse of it.
  SourceManager sources;
  FileId id =
      sources.addFile(request.document->path, request.document->path, request.document->text);
  diag::Engine diags;
  std::unique_ptr<ast::File> file = syntax::parseFile(sources, id, diags);
  return file ? Outline(sources, id).file(*file) : Json::array();
}

} // namespace mac::lsp::features
