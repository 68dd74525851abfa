// Open documents and incremental edits (see documents.h).
#include "compiler/lsp/documents.h"

#include "compiler/lsp/positions.h"
#include "compiler/lsp/uri.h"

#include <algorithm>
#include <filesystem>

namespace mac::lsp {

void applyChange(std::string &text, const TextDocumentContentChangeEvent &change) {
  if (!change.range) {
    text = change.text;
    return;
  }
  LineIndex index(text);
  uint32_t begin = index.offset(change.range->start);
  uint32_t end = std::max(begin, index.offset(change.range->end));
  text.replace(begin, end - begin, change.text);
}

std::string canonicalPath(const std::string &path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

Document *DocumentStore::open(const TextDocumentItem &item) {
  std::optional<std::string> path = uriToPath(item.uri);
  if (!path)
    return nullptr;
  close(item.uri);
  Document &document = byUri_[item.uri];
  document = Document{item.uri, canonicalPath(*path), item.text, item.version};
  uriByPath_[document.path] = item.uri;
  return &document;
}

void DocumentStore::close(const std::string &uri) {
  auto it = byUri_.find(uri);
  if (it == byUri_.end())
    return;
  uriByPath_.erase(it->second.path);
  byUri_.erase(it);
}

Document *DocumentStore::find(const std::string &uri) {
  auto it = byUri_.find(uri);
  return it == byUri_.end() ? nullptr : &it->second;
}

const Document *DocumentStore::findByPath(const std::string &path) const {
  auto it = uriByPath_.find(path);
  return it == uriByPath_.end() ? nullptr : &byUri_.at(it->second);
}

} // namespace mac::lsp
