// CsvWriter over libcsv's quoting, and the ContactRecord → row mapping.
#include "contacts/csv_writer.h"

#include "contacts/contact_columns.h"

#include <csv.h>

namespace mac::contacts {

bool needsQuotes(std::string_view text) {
  if (text.find_first_of(",\"\r\n") != std::string_view::npos)
    return true;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  return !text.empty() && (blank(text.front()) || blank(text.back()));
}

void appendCell(std::string &out, std::string_view text) {
  if (!needsQuotes(text)) {
    out += text;
    return;
  }
  size_t size = csv_write(nullptr, 0, text.data(), text.size());
  size_t at = out.size();
  out.resize(at + size);
  csv_write(out.data() + at, size, text.data(), text.size());
}

void CsvWriter::writeRow(const std::vector<std::string> &cells) {
  line_.clear();
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i)
      line_ += ',';
    appendCell(line_, cells[i]);
  }
  line_ += '\n';
  out_ << line_;
}

ContactWriter::ContactWriter(llvm::raw_ostream &out, const sema::Program &program)
    : csv_(out), program_(program), header_(canonicalContactColumns(program)) {}

void ContactWriter::writeHeader() { csv_.writeRow(header_); }

void ContactWriter::write(const ContactRecord &record) {
  std::vector<std::string> cells(header_.size());
  for (const auto &[field, value] : record.fields)
    cells[field.value] = value.text;
  auto join = [&](auto ids, auto names) {
    std::string out;
    for (auto id : ids)
      out += (out.empty() ? "" : ";") + names[id.value].name;
    return out;
  };
  size_t fields = program_.fields.size();
  cells[fields] = join(record.tags, program_.tags);
  cells[fields + 1] = join(record.lists, program_.lists);
  cells[fields + 2] = record.timezone;
  csv_.writeRow(cells);
}

} // namespace mac::contacts
