// textDocument/formatting: the open buffer printed by format::formatFile,
// the same code and safety net as `mac fmt` (docs/style.md). The answer is
// one TextEdit replacing the whole document, or [] when it is already
// formatted. A buffer that does not parse is refused (RequestFailed) with
// its first syntax error, as `mac fmt` leaves such a file alone.
#include "compiler/lsp/features/handlers.h"
#include "compiler/lsp/features/request.h"

#include "compiler/format/format.h"
#include "compiler/format/verify.h"
#include "compiler/syntax/parse.h"

namespace mac::lsp::features {

Reply formatting(Server &server, const Json &params) {
  DocumentRequest request;
  if (auto error = readRequest(server, params, false, request))
    return *error;
  const std::string &text = request.document->text;
  SourceManager sources;
  FileId file = sources.addFile(request.document->path, request.document->path, text);
  diag::Engine diags;
  syntax::ParseResult parsed = syntax::parseFileWithComments(sources, file, diags);
  if (diags.hasErrors()) {
    diags.sortAndDeduplicate(sources);
    for (const diag::Diagnostic &d : diags.diagnostics()) {
      if (d.severity != diag::Severity::Error)
        continue;
      std::string where;
      if (d.range.isValid()) {
        LineColumn at = sources.lineColumn(file, d.range.begin);
        where = std::to_string(at.line) + ":" + std::to_string(at.column) + ": ";
      }
      return RpcError{kRequestFailed,
                      "the file does not parse, so it is not formatted: " + where + d.message};
    }
  }
  std::string formatted = format::formatFile(*parsed.file, parsed.comments, text);
  if (formatted == text)
    return Json::array();
  if (auto problem = format::checkFormatted(*parsed.file, parsed.comments, text, formatted))
    return RpcError{ErrorCode::InternalError, "the file was not formatted: " + *problem +
                                                  " (a bug in mac fmt; please report it)"};
  LineIndex lines(text);
  TextEdit edit{Range{{0, 0}, lines.position(static_cast<uint32_t>(text.size()))}, formatted};
  return Json::array({toJson(edit)});
}

} // namespace mac::lsp::features
