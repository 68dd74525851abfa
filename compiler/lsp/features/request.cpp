// Reading a feature request's document and position (see request.h).
#include "compiler/lsp/features/request.h"

namespace mac::lsp::features {

std::optional<RpcError> readRequest(Server &server, const Json &params, bool withPosition,
                                    DocumentRequest &out) {
  std::optional<std::string> uri = documentUri(params);
  if (!uri)
    return RpcError{ErrorCode::InvalidParams, "the request needs textDocument.uri"};
  if (withPosition) {
    auto position = params.is_object() ? params.find("position") : params.end();
    if (position == params.end() || !fromJson(*position, out.position))
      return RpcError{ErrorCode::InvalidParams, "the request needs a position"};
  }
  Workspace &workspace = server.workspace();
  out.document = workspace.documents().find(*uri);
  if (!out.document)
    return RpcError{ErrorCode::InvalidParams, "the document is not open: " + *uri};
  Bundle *bundle = workspace.bundleOf(out.document->path);
  if (!bundle || !bundle->sources || !bundle->program)
    return std::nullopt;
  out.file = fileOf(*bundle->sources, out.document->path);
  if (!out.file.isValid())
    return std::nullopt;
  out.bundle = bundle;
  if (withPosition)
    out.offset = LineIndex(bundle->sources->text(out.file)).offset(out.position);
  return std::nullopt;
}

FileId fileOf(const SourceManager &sources, const std::string &realPath) {
  for (uint32_t i = 0; i < sources.fileCount(); ++i)
    if (sources.realPath(FileId{i}) == realPath)
      return FileId{i};
  return FileId::invalid();
}

DiagnosticConverter converterFor(Server &server, const Bundle &bundle) {
  Workspace &workspace = server.workspace();
  return DiagnosticConverter(
      *bundle.sources, [&workspace](const std::string &path) { return workspace.uriOf(path); });
}

bool isStdlib(const SourceManager &sources, FileId file) {
  return file.isValid() && sources.realPath(file).starts_with("<stdlib>");
}

} // namespace mac::lsp::features
