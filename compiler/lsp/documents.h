// The documents the client has open: their text and version, edited in
// place by didChange (incremental sync). Open buffers override the disk when
// a bundle is analysed (see workspace.h).
#pragma once

#include "compiler/lsp/protocol.h"

#include <map>
#include <optional>
#include <string>

namespace mac::lsp {

struct Document {
  std::string uri;  ///< as the client spelled it
  std::string path; ///< absolute, canonical (symbolic links resolved)
  std::string text;
  int64_t version = 0;
};

/// Applies one content change to `text`: a range replaced, or the whole text.
/// Positions are UTF-16 (see positions.h); a range past the end is clamped.
void applyChange(std::string &text, const TextDocumentContentChangeEvent &change);

/// Open documents by URI.
class DocumentStore {
public:
  /// Opens (or reopens) a document; nullptr when the URI is not a file URI.
  Document *open(const TextDocumentItem &item);
  void close(const std::string &uri);
  Document *find(const std::string &uri);
  /// The open document whose canonical path is `path`, if any.
  const Document *findByPath(const std::string &path) const;
  const std::map<std::string, Document> &all() const { return byUri_; }

private:
  std::map<std::string, Document> byUri_;
  std::map<std::string, std::string> uriByPath_;
};

/// `path` made absolute and canonical, as the loader names files.
std::string canonicalPath(const std::string &path);

} // namespace mac::lsp
