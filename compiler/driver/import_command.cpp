// `mac import` (see import_command.h): the importers, then an atomic write
// of the bundle through the build's output sink.
#include "compiler/driver/import_command.h"

#include "backends/output_sink.h"
#include "compiler/driver/pipeline.h"
#include "importers/importer.h"
#include "importers/program_dump.h"

#include <llvm/Support/Path.h>
#include <llvm/Support/WithColor.h>

#include <cctype>

namespace mac::driver {

namespace {

int dump(const ImportOptions &options) {
  if (options.files.size() != 1 || options.env.empty()) {
    reportUsageError("--dump-program takes one bundle and --env");
    return 2;
  }
  SourceManager sources;
  diag::Engine diags;
  PipelineOptions pipeline;
  pipeline.env = options.env;
  auto program = checkBundle(options.files.front(), pipeline, sources, diags);
  if (!program) {
    reportUsageError(llvm::toString(program.takeError()));
    return 2;
  }
  bool resolved = true;
  for (const diag::Diagnostic &d : diags.diagnostics())
    if (d.severity == diag::Severity::Error && d.code < diag::Code::TriggerLoop)
      resolved = false; // syntax and names only: a dump needs a resolved Program
  if (!resolved) {
    printDiagnostics(options.format, diags, sources, options.color, llvm::errs());
    return 1;
  }
  llvm::outs() << importer::dumpProgram(**program, sources, options.from, options.env);
  return 0;
}

} // namespace

int runImport(const ImportOptions &options) {
  std::optional<importer::Platform> platform = importer::platformNamed(options.from);
  if (!platform) {
    reportUsageError("--from must be hubspot, klaviyo or sfmc, not '" + options.from + "'");
    return 2;
  }
  if (options.dumpProgram)
    return dump(options);
  if (options.out.empty()) {
    reportUsageError("-o DIR is required");
    return 2;
  }
  importer::ImportRequest request;
  request.from = *platform;
  request.files = options.files;
  request.env = options.env;
  if (options.out != "-") {
    llvm::SmallString<256> out(options.out);
    llvm::sys::path::remove_dots(out, true);
    request.bundleName = llvm::sys::path::filename(out).str();
    for (char &c : request.bundleName)
      c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    if (request.bundleName.empty() ||
        std::isdigit(static_cast<unsigned char>(request.bundleName[0])))
      request.bundleName = "imported_" + request.bundleName;
  }
  SourceManager sources;
  diag::Engine diags;
  std::optional<std::map<std::string, std::string>> files =
      importer::importBundle(request, sources, diags);
  printDiagnostics(options.format, diags, sources, options.color, llvm::errs());
  if (!files) {
    llvm::errs() << "mac: nothing written: the input has errors\n";
    return 1;
  }
  if (options.out == "-") {
    backend::writeStdout(*files, llvm::outs());
    return 0;
  }
  if (llvm::Error error = backend::writeDirectory(*files, options.out)) {
    reportUsageError(llvm::toString(std::move(error)));
    return 2;
  }
  llvm::errs() << "mac: imported " << options.files.size() << " file(s) from " << options.from
               << " into " << options.out << " (" << files->size() << " files)\n";
  return 0;
}

} // namespace mac::driver
