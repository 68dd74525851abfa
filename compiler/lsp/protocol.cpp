// JSON conversions of the LSP structures. Every read checks the type before
// it converts, so nlohmann never throws here.
#include "compiler/lsp/protocol.h"

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

namespace mac::lsp {
namespace {

/// `json[key]` when json is an object holding it, else null.
const Json *member(const Json &json, const char *key) {
  if (!json.is_object())
    return nullptr;
  auto it = json.find(key);
  return it == json.end() ? nullptr : &*it;
}

bool readString(const Json &json, const char *key, std::string &out) {
  const Json *value = member(json, key);
  if (!value || !value->is_string())
    return false;
  out = value->get<std::string>();
  return true;
}

bool readInt(const Json &json, const char *key, int64_t &out) {
  const Json *value = member(json, key);
  if (!value || !value->is_number_integer())
    return false;
  out = value->get<int64_t>();
  return true;
}

bool readUnsigned(const Json &json, const char *key, uint32_t &out) {
  int64_t value = 0;
  if (!readInt(json, key, value) || value < 0 || value > UINT32_MAX)
    return false;
  out = static_cast<uint32_t>(value);
  return true;
}

} // namespace

Json toJson(const Position &position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Json toJson(const Range &range) {
  return Json{{"start", toJson(range.start)}, {"end", toJson(range.end)}};
}

Json toJson(const Location &location) {
  return Json{{"uri", location.uri}, {"range", toJson(location.range)}};
}

Json toJson(const Diagnostic &diagnostic) {
  Json json{{"range", toJson(diagnostic.range)},
            {"severity", static_cast<int>(diagnostic.severity)},
            {"code", diagnostic.code},
            {"source", diagnostic.source},
            {"message", diagnostic.message}};
  if (!diagnostic.relatedInformation.empty()) {
    Json related = Json::array();
    for (const DiagnosticRelatedInformation &info : diagnostic.relatedInformation)
      related.push_back({{"location", toJson(info.location)}, {"message", info.message}});
    json["relatedInformation"] = std::move(related);
  }
  return json;
}

namespace {

void writeRange(llvm::json::OStream &out, const Range &range) {
  auto position = [&](const char *key, const Position &at) {
    out.attributeObject(key, [&] {
      out.attribute("line", at.line);
      out.attribute("character", at.character);
    });
  };
  out.attributeObject("range", [&] {
    position("start", range.start);
    position("end", range.end);
  });
}

void writeDiagnostic(llvm::json::OStream &out, const Diagnostic &diagnostic) {
  out.object([&] {
    writeRange(out, diagnostic.range);
    out.attribute("severity", static_cast<int>(diagnostic.severity));
    out.attribute("code", diagnostic.code);
    out.attribute("source", diagnostic.source);
    out.attribute("message", diagnostic.message);
    if (diagnostic.relatedInformation.empty())
      return;
    out.attributeArray("relatedInformation", [&] {
      for (const DiagnosticRelatedInformation &info : diagnostic.relatedInformation)
        out.object([&] {
          out.attributeObject("location", [&] {
            out.attribute("uri", info.location.uri);
            writeRange(out, info.location.range);
          });
          out.attribute("message", info.message);
        });
    });
  });
}

} // namespace

namespace {

/// A stream appending to a string through a buffer on the stack: the JSON
/// writer makes many one-character writes, and a buffer of its own would
/// be allocated for every diagnostic.
class StringAppender : public llvm::raw_ostream {
public:
  explicit StringAppender(std::string &text) : text_(text) { SetBuffer(buffer_, sizeof buffer_); }
  ~StringAppender() override { flush(); }

private:
  void write_impl(const char *data, size_t size) override { text_.append(data, size); }
  uint64_t current_pos() const override { return text_.size(); }

  std::string &text_;
  char buffer_[2048];
};

} // namespace

void appendDiagnosticJson(std::string &text, const Diagnostic &diagnostic) {
  StringAppender stream(text);
  llvm::json::OStream out(stream);
  writeDiagnostic(out, diagnostic);
}

std::string diagnosticsArrayJson(const std::vector<Diagnostic> &diagnostics) {
  std::string text = "[";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    if (i)
      text += ',';
    appendDiagnosticJson(text, diagnostics[i]);
  }
  text += ']';
  return text;
}

std::string publishDiagnosticsMessage(const std::string &uri, std::optional<int64_t> version,
                                      std::string_view diagnosticsArray) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  llvm::json::OStream out(stream);
  out.object([&] {
    out.attribute("jsonrpc", "2.0");
    out.attribute("method", "textDocument/publishDiagnostics");
    out.attributeObject("params", [&] {
      out.attribute("uri", uri);
      if (version)
        out.attribute("version", *version);
      out.attributeBegin("diagnostics");
      out.rawValue(llvm::StringRef(diagnosticsArray.data(), diagnosticsArray.size()));
      out.attributeEnd();
    });
  });
  stream.flush();
  return text;
}

std::string publishDiagnosticsMessage(const std::string &uri, std::optional<int64_t> version,
                                      const std::vector<Diagnostic> &diagnostics) {
  return publishDiagnosticsMessage(uri, version, diagnosticsArrayJson(diagnostics));
}

Json toJson(const TextEdit &edit) {
  return Json{{"range", toJson(edit.range)}, {"newText", edit.newText}};
}

Json toJson(const WorkspaceEdit &edit) {
  Json changes = Json::object();
  for (const auto &[uri, edits] : edit.changes) {
    Json list = Json::array();
    for (const TextEdit &one : edits)
      list.push_back(toJson(one));
    changes[uri] = std::move(list);
  }
  return Json{{"changes", std::move(changes)}};
}

Json toJson(const CodeAction &action) {
  Json diagnostics = Json::array();
  for (const Diagnostic &diagnostic : action.diagnostics)
    diagnostics.push_back(toJson(diagnostic));
  Json json{{"title", action.title},
            {"kind", action.kind},
            {"diagnostics", std::move(diagnostics)},
            {"edit", toJson(action.edit)}};
  if (action.isPreferred)
    json["isPreferred"] = true;
  return json;
}

bool fromJson(const Json &json, Position &out) {
  return readUnsigned(json, "line", out.line) && readUnsigned(json, "character", out.character);
}

bool fromJson(const Json &json, Range &out) {
  const Json *start = member(json, "start");
  const Json *end = member(json, "end");
  return start && end && fromJson(*start, out.start) && fromJson(*end, out.end);
}

bool fromJson(const Json &json, TextDocumentItem &out) {
  return readString(json, "uri", out.uri) && readString(json, "languageId", out.languageId) &&
         readInt(json, "version", out.version) && readString(json, "text", out.text);
}

bool fromJson(const Json &json, VersionedTextDocumentIdentifier &out) {
  return readString(json, "uri", out.uri) && readInt(json, "version", out.version);
}

bool fromJson(const Json &json, TextDocumentContentChangeEvent &out) {
  if (!readString(json, "text", out.text))
    return false;
  const Json *range = member(json, "range");
  if (!range)
    return true;
  out.range.emplace();
  return fromJson(*range, *out.range);
}

bool fromJson(const Json &json, DidChangeTextDocumentParams &out) {
  const Json *document = member(json, "textDocument");
  const Json *changes = member(json, "contentChanges");
  if (!document || !fromJson(*document, out.textDocument) || !changes || !changes->is_array())
    return false;
  for (const Json &change : *changes) {
    out.contentChanges.emplace_back();
    if (!fromJson(change, out.contentChanges.back()))
      return false;
  }
  return true;
}

bool fromJson(const Json &json, CodeActionParams &out) {
  std::optional<std::string> uri = documentUri(json);
  const Json *range = member(json, "range");
  if (!uri || !range || !fromJson(*range, out.range))
    return false;
  out.uri = *uri;
  return true;
}

bool fromJson(const Json &json, InitializeParams &out) {
  if (!json.is_object())
    return false;
  if (const Json *folders = member(json, "workspaceFolders"); folders && folders->is_array()) {
    for (const Json &folder : *folders) {
      std::string uri;
      if (readString(folder, "uri", uri))
        out.folderUris.push_back(uri);
    }
  }
  std::string root;
  if (out.folderUris.empty() && readString(json, "rootUri", root))
    out.folderUris.push_back(root);
  if (out.folderUris.empty() && readString(json, "rootPath", root))
    out.folderPaths.push_back(root);
  return true;
}

std::optional<std::string> documentUri(const Json &params) {
  const Json *document = member(params, "textDocument");
  std::string uri;
  if (!document || !readString(*document, "uri", uri))
    return std::nullopt;
  return uri;
}

} // namespace mac::lsp
