// textDocument/prepareRename and textDocument/rename. A declared name (at
// its declaration or at any use) is renamed everywhere in its bundle: one
// WorkspaceEdit over every file, computed on the last analysis, which read
// open buffers rather than the disk. Refused with a RequestFailed error and
// a message that says why: a keyword or a word that names nothing, a name
// declared by a stdlib module, a consent (its name is a channel), a new name
// that is not an identifier, and a new name already declared in the same
// namespace (a field named `vip` beside a tag `vip` would be MAC1002).
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/keywords.h"
#include "compiler/lsp/features/request.h"

#include "analyzer/template_model.h"

#include <llvm/Support/Casting.h>

#include <algorithm>

namespace mac::lsp::features {
namespace {

RpcError refuse(std::string message) { return RpcError{kRequestFailed, std::move(message)}; }

/// The word of identifier characters around byte `offset` of `text`.
std::string_view wordAt(std::string_view text, uint32_t offset) {
  uint32_t begin = std::min<uint32_t>(offset, text.size()), end = begin;
  while (begin > 0 && isIdentifierChar(text[begin - 1]))
    --begin;
  while (end < text.size() && isIdentifierChar(text[end]))
    ++end;
  return text.substr(begin, end - begin);
}

/// The stdlib module named by a `use` at byte `offset` of the request's file.
const ast::UseDecl *moduleAt(const DocumentRequest &request) {
  for (const ast::File *file : request.bundle->asts.files())
    if (file->file == request.file)
      for (const ast::Decl *decl : file->decls)
        if (const auto *use = llvm::dyn_cast<ast::UseDecl>(decl);
            use && use->isModule && use->name.range.begin <= request.offset &&
            request.offset <= use->name.range.end)
          return use;
  return nullptr;
}

/// The renamable symbol under the request's position, or why there is none.
std::optional<RpcError> renamable(FeatureState &state, const DocumentRequest &request,
                                  const SymbolIndex *&index, const Occurrence *&occurrence) {
  if (!request.bundle)
    return refuse("the file has not been analysed; nothing can be renamed yet");
  index = state.indexes.of(*request.bundle);
  occurrence = index ? index->at(request.file, request.offset) : nullptr;
  if (!occurrence) {
    if (const ast::UseDecl *use = moduleAt(request))
      return refuse("`" + use->name.text +
                    "` is a module of the standard library; its names cannot be renamed");
    std::string word(wordAt(request.bundle->sources->text(request.file), request.offset));
    if (word.empty())
      return refuse("there is no name here to rename");
    if (isKeyword(word))
      return refuse("`" + word +
                    "` is a keyword of the language; only declared names can be renamed");
    return refuse("`" + word +
                  "` is not a declared name of this bundle; only declared names can be renamed");
  }
  const Symbol &symbol = index->symbol(occurrence->symbol);
  if (symbol.stdlib)
    return refuse("`" + symbol.name + "` is declared by the standard library (" +
                  request.bundle->sources->displayPath(symbol.nameRange.file) +
                  "); it cannot be renamed");
  if (symbol.kind == SymbolKind::Consent)
    return refuse("`" + symbol.name +
                  "` is a channel (email, sms or push); a consent cannot be renamed");
  return std::nullopt;
}

std::optional<RpcError> checkNewName(const SymbolIndex &index, const Symbol &symbol,
                                     const std::string &newName) {
  if (!isIdentifier(newName))
    return refuse("`" + newName + "` is not an identifier: " +
                  (isReserved(newName) ? std::string("it is a reserved word")
                                       : "a name is a letter or `_`, then letters, digits or `_`"));
  if (newName == symbol.name)
    return std::nullopt;
  if (auto other = index.find(namespaceOf(symbol.kind), newName))
    return refuse("`" + newName + "` is already declared (" +
                  std::string(symbolKindName(index.symbol(*other).kind)) +
                  "); choose another name");
  if (symbol.kind == SymbolKind::Field) {
    const auto &builtins = analyzer::TemplateModel::builtins();
    if (std::find(builtins.begin(), builtins.end(), newName) != builtins.end())
      return refuse("`" + newName + "` is a built-in placeholder; a field cannot take its name");
  }
  return std::nullopt;
}

} // namespace

Reply prepareRename(Server &server, FeatureState &state, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  const SymbolIndex *index = nullptr;
  const Occurrence *occurrence = nullptr;
  if (auto error = renamable(state, request, index, occurrence))
    return *error;
  DiagnosticConverter converter = converterFor(server, *request.bundle);
  return Json{{"range", toJson(converter.range(occurrence->range))},
              {"placeholder", index->symbol(occurrence->symbol).name}};
}

Reply rename(Server &server, FeatureState &state, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, true, request))
    return *error;
  auto newName = params.find("newName");
  if (newName == params.end() || !newName->is_string())
    return RpcError{ErrorCode::InvalidParams, "rename needs newName"};
  const SymbolIndex *index = nullptr;
  const Occurrence *occurrence = nullptr;
  if (auto error = renamable(state, request, index, occurrence))
    return *error;
  const Symbol &symbol = index->symbol(occurrence->symbol);
  if (auto error = checkNewName(*index, symbol, newName->get<std::string>()))
    return *error;
  WorkspaceEdit edit;
  DiagnosticConverter converter = converterFor(server, *request.bundle);
  for (const Occurrence &each : index->occurrencesOf(occurrence->symbol))
    if (converter.onDisk(each.range.file))
      edit.changes[converter.uri(each.range.file)].push_back(
          {converter.range(each.range), newName->get<std::string>()});
  return toJson(edit);
}

} // namespace mac::lsp::features
