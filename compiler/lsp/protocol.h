// The LSP 3.17 structures mac lsp speaks, with conversions to and from JSON.
// Reading never throws: a `fromJson` returns false when a required member is
// missing or has the wrong type, and the server answers -32602 InvalidParams.
// Only the members mac uses are modelled; unknown members are ignored.
#pragma once

#include "compiler/lsp/positions.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mac::lsp {

using Json = nlohmann::json;

/// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range &, const Range &) = default;
};

struct Location {
  std::string uri;
  Range range;
  friend bool operator==(const Location &, const Location &) = default;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int64_t version = 0;
  std::string text;
};

struct VersionedTextDocumentIdentifier {
  std::string uri;
  int64_t version = 0;
};

/// One change of didChange: a replaced range, or (no range) the whole text.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::string text;
};

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};

enum class DiagnosticSeverity : int { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
  friend bool operator==(const DiagnosticRelatedInformation &,
                         const DiagnosticRelatedInformation &) = default;
};

struct Diagnostic {
  Range range;
  DiagnosticSeverity severity = DiagnosticSeverity::Error;
  std::string code;   ///< "MAC3001"
  std::string source; ///< "mac"
  std::string message;
  std::vector<DiagnosticRelatedInformation> relatedInformation;
  friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

struct TextEdit {
  Range range;
  std::string newText;
};

/// `changes`: edits per document URI (ordered, so output is deterministic).
struct WorkspaceEdit {
  std::map<std::string, std::vector<TextEdit>> changes;
};

struct CodeAction {
  std::string title;
  std::string kind = "quickfix";
  std::vector<Diagnostic> diagnostics;
  bool isPreferred = false;
  WorkspaceEdit edit;
};

struct CodeActionParams {
  std::string uri;
  Range range;
};

/// What initialize tells us about the workspace: its folders' URIs
/// (workspaceFolders, else rootUri, else rootPath as a path).
struct InitializeParams {
  std::vector<std::string> folderUris;
  std::vector<std::string> folderPaths; ///< from the deprecated rootPath
};

Json toJson(const Position &position);
Json toJson(const Range &range);
Json toJson(const Location &location);
Json toJson(const Diagnostic &diagnostic);
/// The compact JSON of a textDocument/publishDiagnostics notification, written
/// straight to text (no JSON tree: a bundle can publish thousands of
/// diagnostics per edit). The same members as toJson(Diagnostic).
std::string publishDiagnosticsMessage(const std::string &uri, std::optional<int64_t> version,
                                      const std::vector<Diagnostic> &diagnostics);
/// The compact JSON array of `diagnostics` as publishDiagnosticsMessage
/// writes it, so that an unchanged list is serialised once and sent again
/// with a new version (the open document after every edit).
std::string diagnosticsArrayJson(const std::vector<Diagnostic> &diagnostics);
/// Appends one element of such an array (its compact JSON object) to `text`:
/// '[', these joined by ',', and ']' are diagnosticsArrayJson(), byte for
/// byte, so a long list can be serialised a few entries at a time.
void appendDiagnosticJson(std::string &text, const Diagnostic &diagnostic);
/// The same notification around an array from diagnosticsArrayJson().
std::string publishDiagnosticsMessage(const std::string &uri, std::optional<int64_t> version,
                                      std::string_view diagnosticsArray);
Json toJson(const TextEdit &edit);
Json toJson(const WorkspaceEdit &edit);
Json toJson(const CodeAction &action);

bool fromJson(const Json &json, Position &out);
bool fromJson(const Json &json, Range &out);
bool fromJson(const Json &json, TextDocumentItem &out);
bool fromJson(const Json &json, VersionedTextDocumentIdentifier &out);
bool fromJson(const Json &json, TextDocumentContentChangeEvent &out);
bool fromJson(const Json &json, DidChangeTextDocumentParams &out);
bool fromJson(const Json &json, CodeActionParams &out);
bool fromJson(const Json &json, InitializeParams &out);

/// `params.textDocument.uri`, the one member most notifications need.
std::optional<std::string> documentUri(const Json &params);

} // namespace mac::lsp
