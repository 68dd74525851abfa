// textDocument/codeAction: for every diagnostic of the last analysis that
// touches the requested range, one quickfix per fix the diagnostic carries
// (its edits as a WorkspaceEdit, possibly across files), then one that adds
// `// mac-ignore <rule>: <why this is safe>` on a line of its own above the
// line the diagnostic starts on (not for syntax diagnostics, MAC0xxx, which
// cannot be ignored).
#include "compiler/lsp/diagnostics.h"
#include "compiler/lsp/server.h"

#include <string_view>

namespace mac::lsp {
namespace {

bool before(const Position &a, const Position &b) {
  return a.line < b.line || (a.line == b.line && a.character < b.character);
}

/// Whether two ranges overlap or touch.
bool touches(const Range &a, const Range &b) {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

CodeAction fixAction(DiagnosticConverter &converter, const Diagnostic &diagnostic,
                     const diag::Fix &fix, bool preferred) {
  CodeAction action;
  action.title = fix.message;
  action.diagnostics = {diagnostic};
  action.isPreferred = preferred;
  for (const diag::Edit &edit : fix.edits)
    if (converter.onDisk(edit.range.file))
      action.edit.changes[converter.uri(edit.range.file)].push_back(
          {converter.range(edit.range), edit.text});
  return action;
}

CodeAction ignoreAction(const SourceManager &sources, const diag::Diagnostic &source,
                        const Diagnostic &diagnostic, const std::string &uri) {
  std::string_view name = diag::ruleInfo(source.code).name;
  std::string_view line = sources.lineText(
      source.range.file, sources.lineColumn(source.range.file, source.range.begin).line);
  std::string_view indent = line.substr(0, line.find_first_not_of(" \t"));
  CodeAction action;
  action.title = "Ignore `" + std::string(name) + "` here (mac-ignore with a reason)";
  action.diagnostics = {diagnostic};
  Position start{diagnostic.range.start.line, 0};
  action.edit.changes[uri].push_back(
      {Range{start, start},
       std::string(indent) + "// mac-ignore " + std::string(name) + ": <why this is safe>\n"});
  return action;
}

Reply codeAction(Server &server, const Json &params) {
  CodeActionParams request;
  if (!fromJson(params, request))
    return RpcError{ErrorCode::InvalidParams, "codeAction needs textDocument.uri and range"};
  Workspace &workspace = server.workspace();
  const Document *document = workspace.documents().find(request.uri);
  if (!document)
    return RpcError{ErrorCode::InvalidParams, "the document is not open: " + request.uri};
  const Bundle *bundle = workspace.bundleOf(document->path);
  Json actions = Json::array();
  if (!bundle || !bundle->sources)
    return actions;
  const SourceManager &sources = *bundle->sources;
  DiagnosticConverter converter(sources,
                                [&](const std::string &path) { return workspace.uriOf(path); });
  for (const diag::Diagnostic &source : bundle->diagnostics) {
    if (!source.range.isValid() || sources.realPath(source.range.file) != document->path)
      continue;
    Diagnostic diagnostic = converter.convert(source);
    if (!touches(diagnostic.range, request.range))
      continue;
    for (const diag::Fix &fix : source.fixes)
      actions.push_back(toJson(fixAction(converter, diagnostic, fix, source.fixes.size() == 1)));
    if (!diag::ruleInfo(source.code).id.starts_with("MAC0"))
      actions.push_back(toJson(ignoreAction(sources, source, diagnostic, request.uri)));
  }
  return actions;
}

} // namespace

void registerCodeActionHandlers(HandlerTable &table) {
  table.requests["textDocument/codeAction"] = codeAction;
}

} // namespace mac::lsp
