// Line tables for SourceManager: computed once per file when it is added.
#include "compiler/base/source_manager.h"

#include <algorithm>
#include <cstring>

namespace mac {

FileId SourceManager::addFile(std::string displayPath, std::string realPath, std::string contents) {
  auto file = std::make_unique<File>();
  file->displayPath = std::move(displayPath);
  file->realPath = std::move(realPath);
  file->text = std::move(contents);
  file->lineStarts.push_back(0);
  const std::string &text = file->text;
  // memchr skips a line's bytes at once: every analysis of the language
  // server adds every file of the bundle again.
  for (const char *at = text.data(), *end = at + text.size();
       (at = static_cast<const char *>(std::memchr(at, '\n', end - at))) != nullptr;)
    file->lineStarts.push_back(static_cast<uint32_t>(++at - text.data()));
  files_.push_back(std::move(file));
  return FileId{static_cast<uint32_t>(files_.size() - 1)};
}

LineColumn SourceManager::lineColumn(FileId id, uint32_t offset) const {
  const File &file = *files_[id.value];
  offset = std::min<uint32_t>(offset, file.text.size());
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - file.lineStarts.begin());
  return {line, offset - file.lineStarts[line - 1] + 1};
}

std::string_view SourceManager::lineText(FileId id, uint32_t line) const {
  const File &file = *files_[id.value];
  if (line == 0 || line > file.lineStarts.size())
    return {};
  uint32_t begin = file.lineStarts[line - 1];
  uint32_t end = line < file.lineStarts.size() ? file.lineStarts[line] : file.text.size();
  std::string_view text(file.text.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

uint32_t SourceManager::offsetOf(FileId id, LineColumn position) const {
  const File &file = *files_[id.value];
  if (position.line == 0)
    return 0;
  if (position.line > file.lineStarts.size())
    return file.text.size();
  uint32_t begin = file.lineStarts[position.line - 1];
  uint32_t lineEnd =
      position.line < file.lineStarts.size() ? file.lineStarts[position.line] : file.text.size();
  uint32_t column = position.column == 0 ? 0 : position.column - 1;
  return std::min(begin + column, lineEnd);
}

} // namespace mac
