// Source files and positions. Every phase names places in the input as byte
// ranges inside a file owned by one SourceManager; only renderers turn them
// into 1-based lines and byte columns.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mac {

/// Index of a file inside a SourceManager; `invalid()` names no file.
struct FileId {
  uint32_t value = UINT32_MAX;
  static FileId invalid() { return {}; }
  bool isValid() const { return value != UINT32_MAX; }
  friend bool operator==(FileId a, FileId b) { return a.value == b.value; }
  friend bool operator<(FileId a, FileId b) { return a.value < b.value; }
};

/// A half-open byte range [begin, end) inside one file.
struct SourceRange {
  FileId file;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool isValid() const { return file.isValid(); }
  bool contains(const SourceRange &other) const {
    return file == other.file && begin <= other.begin && other.end <= end;
  }
  friend bool operator==(const SourceRange &a, const SourceRange &b) {
    return a.file == b.file && a.begin == b.begin && a.end == b.end;
  }
};

/// A 1-based line and a 1-based column counted in bytes.
struct LineColumn {
  uint32_t line = 0;
  uint32_t column = 0;
};

/// Owns the text of every file of a compilation and maps offsets to lines.
class SourceManager {
public:
  /// Adds a file. `displayPath` is what diagnostics print (relative to the
  /// bundle root); `realPath` is where it was read from.
  FileId addFile(std::string displayPath, std::string realPath, std::string contents);

  size_t fileCount() const { return files_.size(); }
  std::string_view text(FileId id) const { return files_[id.value]->text; }
  const std::string &displayPath(FileId id) const { return files_[id.value]->displayPath; }
  const std::string &realPath(FileId id) const { return files_[id.value]->realPath; }

  /// Line and column of a byte offset (clamped to the end of the file).
  LineColumn lineColumn(FileId id, uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view lineText(FileId id, uint32_t line) const;
  /// Byte offset of a 1-based line and column (clamped), the inverse of lineColumn.
  uint32_t offsetOf(FileId id, LineColumn position) const;

private:
  struct File {
    std::string displayPath;
    std::string realPath;
    std::string text;
    std::vector<uint32_t> lineStarts;
  };
  std::vector<std::unique_ptr<File>> files_;
};

} // namespace mac
