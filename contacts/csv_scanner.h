// Streaming CSV rows out of a byte buffer with libcsv (RFC 4180 quoting,
// embedded commas and newlines, CRLF or LF, a UTF-8 BOM skipped). Each cell
// keeps its byte range in the buffer, so that diagnostics point at the cell
// and `mac mask` can rewrite one cell and copy every other byte unchanged.
// Memory is one row at a time (plus libcsv's buffer for the longest cell).
#pragma once

#include <llvm/ADT/StringRef.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct csv_parser;

namespace mac::contacts {

/// One cell: its decoded text (quotes removed, `""` unescaped, surrounding
/// spaces of an unquoted cell trimmed) and the bytes it spans in the buffer.
struct CsvCell {
  std::string text;
  uint32_t begin = 0; ///< first byte (an opening quote included)
  uint32_t end = 0;   ///< one past the last byte (the delimiter or line end)
};

/// One row: its cells and the 1-based line where it starts.
struct CsvRow {
  std::vector<CsvCell> cells;
  uint32_t line = 0;
  uint32_t begin = 0;
};

/// A malformed row: where, and what is wrong. The scanner resumes at the
/// next line.
struct CsvSyntaxError {
  uint32_t begin = 0, end = 0;
  std::string message;
};

class CsvScanner {
public:
  /// Scans `data`, which must outlive the scanner.
  explicit CsvScanner(llvm::StringRef data);
  ~CsvScanner();
  CsvScanner(const CsvScanner &) = delete;
  CsvScanner &operator=(const CsvScanner &) = delete;

  enum class Result { Row, Error, End };
  /// Reads the next row that is not blank into `row`; Error: a malformed row
  /// was skipped and `error` says why (call again to go on); End: no more.
  Result next(CsvRow &row, CsvSyntaxError &error);
  /// Bytes of the UTF-8 byte-order mark at the start (0 or 3).
  uint32_t bomSize() const { return bom_; }

private:
  static void onCell(void *text, size_t size, void *self);
  static void onRow(int terminator, void *self);
  void resetParser();
  void skipLine();

  llvm::StringRef data_;
  std::unique_ptr<csv_parser> parser_;
  uint32_t pos_ = 0;       ///< next byte to feed
  uint32_t cur_ = 0;       ///< byte being fed (callbacks fire on it)
  uint32_t newlines_ = 0;  ///< '\n' bytes before pos_
  uint32_t cellStart_ = 0; ///< first byte of the cell being read
  uint32_t bom_ = 0;
  bool atRowStart_ = true;
  bool finished_ = false;
  bool rowReady_ = false;
  CsvRow row_;
};

} // namespace mac::contacts
