// file:// URIs ↔ absolute paths (RFC 3986 percent-encoding). mac lsp only
// serves files on the local disk; other schemes are refused by the caller.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mac::lsp {

/// The absolute path of a `file://` URI, percent-decoded; nullopt for other
/// schemes, a remote host, a relative path or a bad escape.
std::optional<std::string> uriToPath(std::string_view uri);

/// The `file://` URI of an absolute path; bytes outside the unreserved set and
/// `/` are percent-encoded.
std::string pathToUri(std::string_view path);

} // namespace mac::lsp
