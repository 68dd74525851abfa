// `mac seed-data`: load the bundle, then stream the generated rows to the
// output. The bundle's analyzer findings (a missing consent check) do not
// matter here; errors that leave its data model incomplete do.
#include "compiler/driver/seed_data_command.h"

#include "compiler/diag/consumers.h"
#include "compiler/driver/check_command.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/version.h"
#include "contacts/csv_reader.h"
#include "contacts/csv_writer.h"
#include "contacts/iso_time.h"
#include "contacts/seed_data.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/WithColor.h>

#include <algorithm>

namespace mac::driver {

namespace {

/// Errors of the phases before the analyzer: the data model is incomplete.
bool breaksTheModel(const diag::Diagnostic &d) {
  std::string_view id = diag::ruleInfo(d.code).id;
  return d.severity == diag::Severity::Error && (id.starts_with("MAC0") || id.starts_with("MAC1"));
}

} // namespace

std::unique_ptr<sema::Program> loadDataModel(const std::string &path, SourceManager &sources,
                                             int &status) {
  diag::Engine diags;
  auto program = checkBundle(path, PipelineOptions{}, sources, diags);
  if (!program) {
    status = reportUsageError(llvm::toString(program.takeError()));
    return nullptr;
  }
  diags.sortAndDeduplicate(sources);
  std::vector<diag::Diagnostic> errors;
  std::copy_if(diags.diagnostics().begin(), diags.diagnostics().end(), std::back_inserter(errors),
               breaksTheModel);
  if (!errors.empty()) {
    diag::RenderOptions render;
    render.fileCount = sources.fileCount();
    render.toolVersion = kVersion;
    diag::renderText(errors, sources, render, llvm::errs());
    status = 1;
    return nullptr;
  }
  return std::move(*program);
}

bool writeOutput(const std::string &path, llvm::function_ref<bool(llvm::raw_ostream &)> write) {
  if (path == "-") {
    bool ok = write(llvm::outs());
    llvm::outs().flush();
    return ok;
  }
  std::string temporary = path + ".mac.tmp";
  std::error_code ec;
  bool ok = false;
  {
    llvm::raw_fd_ostream out(temporary, ec);
    if (!ec) {
      ok = write(out);
      out.close();
      ok = ok && !out.has_error();
    }
  }
  if (!ec && ok)
    ec = llvm::sys::fs::rename(temporary, path);
  if (ec || !ok) {
    llvm::sys::fs::remove(temporary);
    if (ec)
      llvm::WithColor::error(llvm::errs(), "mac")
          << "cannot write '" << path << "': " << ec.message() << "\n";
    return false;
  }
  return true;
}

namespace {

std::string_view triggerName(sema::TriggerKind kind) {
  switch (kind) {
  case sema::TriggerKind::FormSubmitted:
    return "form_submitted";
  case sema::TriggerKind::TagAdded:
    return "tag_added";
  case sema::TriggerKind::ListJoined:
    return "list_joined";
  case sema::TriggerKind::FieldChanged:
    return "field_changed";
  default:
    return "event";
  }
}

/// Prints every record of a contacts CSV (canonical columns) or an events CSV
/// (one line per event), then the diagnostics on stderr.
int readBack(const SeedDataOptions &options, const sema::Program &program, SourceManager &sources) {
  diag::Engine diags;
  llvm::Error error = llvm::Error::success();
  if (!options.readContacts.empty()) {
    auto reader = contacts::ContactReader::open(options.readContacts, program, sources, diags);
    if (!reader)
      error = reader.takeError();
    else {
      contacts::ContactWriter writer(llvm::outs(), program);
      writer.writeHeader();
      contacts::ContactRecord record;
      while ((*reader)->next(record))
        writer.write(record);
      (*reader)->finish();
    }
  } else {
    auto reader = contacts::EventReader::open(options.readEvents, program, sources, diags);
    if (!reader)
      error = reader.takeError();
    else {
      contacts::EventRecord event;
      while ((*reader)->next(event)) {
        llvm::outs() << "line " << event.line << ": " << event.at.text << " (wall "
                     << contacts::formatIsoTime(event.at.wallSeconds);
        if (event.at.offsetSeconds)
          llvm::outs() << ", offset " << *event.at.offsetSeconds;
        llvm::outs() << ") " << event.contact << " " << triggerName(event.trigger) << " ";
        if (event.tag)
          llvm::outs() << program.tags[event.tag.value].name;
        else if (event.list)
          llvm::outs() << program.lists[event.list.value].name;
        else if (event.field)
          llvm::outs() << program.field(event.field).name << "=" << event.value.text;
        else
          llvm::outs() << event.name;
        llvm::outs() << "\n";
      }
      (*reader)->finish();
    }
  }
  llvm::outs().flush();
  if (error)
    return reportUsageError(llvm::toString(std::move(error)));
  if (!diags.diagnostics().empty())
    printDiagnostics(OutputFormat::Text, diags, sources, false, llvm::errs());
  return diags.hasErrors() ? 1 : 0;
}

} // namespace

int runSeedData(const SeedDataOptions &options) {
  SourceManager sources;
  int status = 0;
  std::unique_ptr<sema::Program> program = loadDataModel(options.bundle, sources, status);
  if (!program)
    return status;
  if (!options.readContacts.empty() || !options.readEvents.empty())
    return readBack(options, *program, sources);
  contacts::SeedOptions seed;
  seed.count = options.count;
  seed.edgeCases = options.edgeCases;
  seed.seed = options.seed;
  bool ok = writeOutput(options.out, [&](llvm::raw_ostream &out) {
    contacts::writeSeedData(*program, seed, out);
    return true;
  });
  return ok ? 0 : 2;
}

} // namespace mac::driver
