// CsvFile (mapping, syntax errors, encoding) and ContactReader: each cell of
// a row typed by its column. Severities (docs/stage-data.md): what would make
// the simulation wrong is an error (a value of the wrong type, an unknown enum
// value, a malformed row); what stage data carries on purpose or a real export
// carries anyway is a warning (an invalid email or phone, an unknown time zone,
// an undeclared tag or list, an extra column).
#include "contacts/csv_reader.h"

#include "compiler/sema/names.h"
#include "contacts/time_zones.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/ConvertUTF.h>

namespace mac::contacts {

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> CsvFile::map(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false,
                                                   /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read '%s': %s", path.c_str(),
                                   buffer.getError().message().c_str());
  if ((*buffer)->getBufferSize() >= UINT32_MAX)
    return llvm::createStringError(std::errc::file_too_large, "'%s' is larger than 4 GiB",
                                   path.c_str());
  return std::move(*buffer);
}

CsvFile::CsvFile(std::unique_ptr<llvm::MemoryBuffer> buffer, std::string path, size_t cap)
    : buffer_(std::move(buffer)), scanner_(buffer_->getBuffer()),
      diags_(std::move(path), buffer_->getBuffer(), cap) {}

bool CsvFile::nextRow(CsvRow &row) {
  while (true) {
    CsvSyntaxError error;
    CsvScanner::Result result = scanner_.next(row, error);
    if (result == CsvScanner::Result::End)
      return false;
    if (result == CsvScanner::Result::Error) {
      diags_.report(diag::Code::SyntaxError, diag::Severity::Error, error.begin, error.end,
                    error.message);
      continue;
    }
    for (CsvCell &cell : row.cells) {
      auto *begin = reinterpret_cast<const llvm::UTF8 *>(data().data() + cell.begin);
      const llvm::UTF8 *cursor = begin;
      if (!llvm::isLegalUTF8String(&cursor, begin + (cell.end - cell.begin))) {
        uint32_t offset = cell.begin + static_cast<uint32_t>(cursor - begin);
        diags_.report(diag::Code::InvalidEncoding, diag::Severity::Error, offset, offset + 1,
                      static_cast<unsigned>(*cursor), offset);
        cell.text.clear(); // read as empty
      }
    }
    return true;
  }
}

llvm::Expected<std::unique_ptr<ContactReader>>
ContactReader::open(const std::string &path, const sema::Program &program, SourceManager &sources,
                    diag::Engine &diags, const ReaderOptions &options) {
  auto buffer = CsvFile::map(path);
  if (!buffer)
    return buffer.takeError();
  return std::unique_ptr<ContactReader>(
      new ContactReader(std::move(*buffer), path, program, sources, diags, options));
}

ContactReader::ContactReader(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &path,
                             const sema::Program &program, SourceManager &sources,
                             diag::Engine &diags, const ReaderOptions &options)
    : file_(std::move(buffer), path, options.maxDiagnostics), program_(program), sources_(sources),
      engine_(diags), options_(options) {
  CsvRow header;
  if (file_.nextRow(header))
    columns_ = mapContactColumns(header, program_, file_.diags());
}

ContactReader::~ContactReader() { finish(); }

void ContactReader::finish() {
  if (!finished_)
    file_.diags().flush(sources_, engine_);
  finished_ = true;
}

/// Reports a row whose cell count differs from the header's.
static void checkWidth(const CsvRow &row, size_t width, CsvDiagnostics &diags) {
  if (row.cells.size() == width)
    return;
  const CsvCell &at = row.cells.size() > width ? row.cells[width] : row.cells.back();
  diags.report(diag::Code::SyntaxError, diag::Severity::Error, at.begin, at.end,
               "this row has " + std::to_string(row.cells.size()) + " cells, but the header has " +
                   std::to_string(width) +
                   (row.cells.size() > width ? "; the extra cells are ignored"
                                             : "; the missing cells are read as empty"));
}

bool ContactReader::next(ContactRecord &record) {
  CsvRow row;
  if (columns_.empty() || !file_.nextRow(row))
    return false;
  checkWidth(row, columns_.size(), file_.diags());
  record = ContactRecord{};
  record.line = row.line;
  for (size_t i = 0; i < row.cells.size() && i < columns_.size(); ++i)
    readCell(columns_[i], row.cells[i], record);
  return true;
}

template <class IdT>
void ContactReader::readNames(const CsvCell &cell, sema::AssetKind kind, std::vector<IdT> &out) {
  llvm::SmallVector<llvm::StringRef, 8> parts;
  llvm::StringRef(cell.text).split(parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    auto it = program_.names.find(part);
    if (it != program_.names.end() && it->second.kind == kind) {
      out.push_back(IdT{it->second.index});
      continue;
    }
    std::vector<std::string_view> candidates;
    for (const auto &[name, ref] : program_.names)
      if (ref.kind == kind)
        candidates.push_back(name);
    std::optional<std::string> suggestion = sema::closestName(part, candidates);
    file_.diags().report(diag::Code::UndefinedReference, diag::Severity::Warning, cell.begin,
                         cell.end, sema::assetKindName(kind), part.str(),
                         suggestion ? sema::didYouMean(suggestion) : "; it is ignored");
  }
}

bool ContactReader::knownZone(const std::string &id) {
  if (auto it = zones_.find(id); it != zones_.end())
    return it->second;
  bool known = isKnownTimeZone(id);
  if (zones_.size() < 4096) // an export has a few dozen; a hostile file cannot grow this
    zones_.emplace(id, known);
  return known;
}

void ContactReader::readCell(const Column &column, const CsvCell &cell, ContactRecord &record) {
  if (cell.text.empty())
    return;
  switch (column.kind) {
  case ColumnKind::Ignored:
    return;
  case ColumnKind::Tags:
    return readNames(cell, sema::AssetKind::Tag, record.tags);
  case ColumnKind::Lists:
    return readNames(cell, sema::AssetKind::List, record.lists);
  case ColumnKind::Timezone:
    if (knownZone(cell.text))
      record.timezone = cell.text;
    else
      file_.diags().report(diag::Code::InvalidLiteral, diag::Severity::Warning, cell.begin,
                           cell.end, "time zone", cell.text,
                           "ICU's time-zone database does not know it; the contact has none");
    return;
  case ColumnKind::Field: {
    std::optional<CellProblem> problem;
    std::optional<sema::Value> value =
        typeCell(program_.field(column.field), cell.text, options_.cells, problem);
    if (problem && problem->code == diag::Code::InvalidEnumValue)
      file_.diags().report(problem->code, problem->severity, cell.begin, cell.end, problem->message,
                           column.name, problem->suffix);
    else if (problem)
      file_.diags().report(problem->code, problem->severity, cell.begin, cell.end,
                           problem->message);
    if (value)
      record.fields.emplace_back(column.field, std::move(*value));
    return;
  }
  }
}

} // namespace mac::contacts
