// CsvScanner: bytes are fed to libcsv one at a time, so that each callback
// knows the exact offset of the delimiter or line end that closed a cell.
// Strict mode makes a stray quote a syntax error instead of a guess.
#include "contacts/csv_scanner.h"

#include <csv.h>

namespace mac::contacts {

CsvScanner::CsvScanner(llvm::StringRef data) : data_(data), parser_(new csv_parser) {
  if (data_.startswith("\xEF\xBB\xBF"))
    bom_ = 3;
  pos_ = cellStart_ = bom_;
  csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
}

CsvScanner::~CsvScanner() { csv_free(parser_.get()); }

void CsvScanner::resetParser() {
  csv_free(parser_.get());
  csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  row_ = CsvRow{};
  atRowStart_ = true;
}

void CsvScanner::onCell(void *text, size_t size, void *self) {
  auto &s = *static_cast<CsvScanner *>(self);
  CsvCell cell;
  if (text)
    cell.text.assign(static_cast<const char *>(text), size);
  cell.begin = s.cellStart_;
  cell.end = s.cur_;
  s.row_.cells.push_back(std::move(cell));
  s.cellStart_ = s.cur_ + 1;
}

void CsvScanner::onRow(int, void *self) {
  auto &s = *static_cast<CsvScanner *>(self);
  s.rowReady_ = true;
  s.atRowStart_ = true;
  s.cellStart_ = s.cur_ + 1;
}

/// Drops the rest of a malformed line so that scanning resumes on the next.
void CsvScanner::skipLine() {
  while (pos_ < data_.size() && data_[pos_] != '\n')
    ++pos_;
  if (pos_ < data_.size()) {
    ++pos_;
    ++newlines_;
  }
  cellStart_ = pos_;
  resetParser();
}

static bool isBlank(const CsvRow &row) {
  return row.cells.size() == 1 && row.cells[0].text.empty();
}

CsvScanner::Result CsvScanner::next(CsvRow &row, CsvSyntaxError &error) {
  while (true) {
    rowReady_ = false;
    while (!rowReady_ && pos_ < data_.size()) {
      unsigned char byte = data_[pos_];
      if (atRowStart_) {
        if (byte == '\r' || byte == '\n') {
          newlines_ += byte == '\n';
          cellStart_ = ++pos_;
          continue; // blank line: libcsv would ignore it too
        }
        atRowStart_ = false;
        row_.line = newlines_ + 1;
        row_.begin = pos_;
      }
      cur_ = pos_;
      if (csv_parse(parser_.get(), &byte, 1, onCell, onRow, this) != 1) {
        error = CsvSyntaxError{cellStart_, pos_ + 1,
                               "a quote inside a cell that is not quoted, or text after a "
                               "closing quote; quote the cell and double its quotes"};
        skipLine();
        return Result::Error;
      }
      newlines_ += byte == '\n';
      ++pos_;
    }
    if (!rowReady_ && !finished_) {
      finished_ = true;
      cur_ = pos_;
      if (csv_fini(parser_.get(), onCell, onRow, this) != 0) {
        error = CsvSyntaxError{cellStart_, pos_,
                               "a quoted cell is not closed before the end of the file"};
        row_ = CsvRow{};
        return Result::Error;
      }
    }
    if (!rowReady_)
      return Result::End;
    row = std::move(row_);
    row_ = CsvRow{};
    if (!isBlank(row))
      return Result::Row;
  }
}

} // namespace mac::contacts
