// Reading the stage-data CSVs (docs/stage-data.md) against a Program's data
// model, one row at a time: ContactReader yields ContactRecords, EventReader
// EventRecords. Files are memory-mapped and never copied whole; problems
// become diagnostics that point at the row's line and the cell's column, and
// reach the diag::Engine when finish() runs (see csv_diagnostics.h).
//
//   auto reader = ContactReader::open(path, program, sources, diags);
//   if (!reader) ... // llvm::Error: the file cannot be read (exit 2)
//   ContactRecord contact;
//   while ((*reader)->next(contact)) consume(contact);
//   (*reader)->finish();
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"
#include "contacts/cell_values.h"
#include "contacts/contact_columns.h"
#include "contacts/csv_diagnostics.h"
#include "contacts/csv_scanner.h"
#include "contacts/records.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mac::contacts {

struct ReaderOptions {
  CellOptions cells;
  size_t maxDiagnostics = 100; ///< kept per severity; the rest are counted
};

/// What both readers share: the mapped file, its scanner and diagnostics.
class CsvFile {
public:
  CsvFile(std::unique_ptr<llvm::MemoryBuffer> buffer, std::string path, size_t cap);
  /// The next well-formed row; syntax errors are reported on the way.
  bool nextRow(CsvRow &row);
  CsvDiagnostics &diags() { return diags_; }
  llvm::StringRef data() const { return buffer_->getBuffer(); }

  /// Maps `path` ("-" is stdin). Fails on an unreadable file or one above 4 GiB.
  static llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> map(const std::string &path);

private:
  std::unique_ptr<llvm::MemoryBuffer> buffer_;
  CsvScanner scanner_;
  CsvDiagnostics diags_;
};

class ContactReader {
public:
  static llvm::Expected<std::unique_ptr<ContactReader>>
  open(const std::string &path, const sema::Program &program, SourceManager &sources,
       diag::Engine &diags, const ReaderOptions &options = {});
  ~ContactReader();

  /// Reads the next contact; false at the end of the file.
  bool next(ContactRecord &record);
  /// Reports the file's diagnostics (once; the destructor calls it too).
  void finish();
  const std::vector<Column> &columns() const { return columns_; }
  size_t errorCount() { return file_.diags().errorCount(); }

private:
  ContactReader(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &path,
                const sema::Program &program, SourceManager &sources, diag::Engine &diags,
                const ReaderOptions &options);
  void readCell(const Column &column, const CsvCell &cell, ContactRecord &record);
  bool knownZone(const std::string &id);
  template <class IdT>
  void readNames(const CsvCell &cell, sema::AssetKind kind, std::vector<IdT> &out);

  CsvFile file_;
  const sema::Program &program_;
  SourceManager &sources_;
  diag::Engine &engine_;
  ReaderOptions options_;
  std::vector<Column> columns_;
  std::map<std::string, bool, std::less<>> zones_; ///< ICU's answers (few distinct ids)
  bool finished_ = false;
};

class EventReader {
public:
  static llvm::Expected<std::unique_ptr<EventReader>>
  open(const std::string &path, const sema::Program &program, SourceManager &sources,
       diag::Engine &diags, const ReaderOptions &options = {});
  ~EventReader();

  /// Reads the next well-formed event (bad rows are reported and skipped).
  bool next(EventRecord &record);
  void finish();
  size_t errorCount() { return file_.diags().errorCount(); }

private:
  EventReader(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &path,
              const sema::Program &program, SourceManager &sources, diag::Engine &diags,
              const ReaderOptions &options);
  bool readHeader();
  bool readEvent(const CsvRow &row, EventRecord &record);
  bool readValue(const CsvCell &cell, EventRecord &record);

  CsvFile file_;
  const sema::Program &program_;
  SourceManager &sources_;
  diag::Engine &engine_;
  ReaderOptions options_;
  int at_ = -1, contact_ = -1, trigger_ = -1, value_ = -1; ///< column indexes
  bool finished_ = false, headerOk_ = false;
};

} // namespace mac::contacts
