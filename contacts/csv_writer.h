// Writing CSV: a cell is written as is when it can be, else quoted with its
// quotes doubled (libcsv's csv_write), so that the scanner reads back exactly
// the text written. ContactWriter writes ContactRecords with the canonical
// column order of a Program (its fields in declaration order, then `tags`,
// `lists`, `timezone`): the same Program always gives the same header.
#pragma once

#include "compiler/sema/program.h"
#include "contacts/records.h"

#include <llvm/Support/raw_ostream.h>

#include <string>
#include <string_view>
#include <vector>

namespace mac::contacts {

/// True when `text` must be quoted to survive a round trip: a comma, quote,
/// CR or LF anywhere, or a space or tab at either end (unquoted cells are
/// trimmed when read).
bool needsQuotes(std::string_view text);

/// Appends `text` as one cell to `out`.
void appendCell(std::string &out, std::string_view text);

class CsvWriter {
public:
  explicit CsvWriter(llvm::raw_ostream &out) : out_(out) {}
  /// Writes one row ending in "\n".
  void writeRow(const std::vector<std::string> &cells);

private:
  llvm::raw_ostream &out_;
  std::string line_;
};

class ContactWriter {
public:
  ContactWriter(llvm::raw_ostream &out, const sema::Program &program);
  void writeHeader();
  void write(const ContactRecord &record);

private:
  CsvWriter csv_;
  const sema::Program &program_;
  std::vector<std::string> header_;
};

} // namespace mac::contacts
