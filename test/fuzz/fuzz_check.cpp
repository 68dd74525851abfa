// libFuzzer target for the whole `mac check` pipeline: the input is the one
// file of a single-file bundle held in an in-memory llvm::vfs, run through
// driver::checkBundle (load, `use` of the embedded stdlib, sema, every
// analyzer check, lint control), then rendered as text diagnostics as the
// command would print them. A `use` of another file or a `body file` finds
// nothing in the in-memory file system and must be reported, not crash.
#include "compiler/diag/consumers.h"
#include "compiler/driver/pipeline.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const kPath = "/mac-fuzz/bundle.flow";
  llvm::vfs::InMemoryFileSystem fs;
  fs.addFile(kPath, 0,
             llvm::MemoryBuffer::getMemBufferCopy(
                 llvm::StringRef(reinterpret_cast<const char *>(data), size), kPath));

  mac::SourceManager sources;
  mac::diag::Engine diags;
  mac::driver::PipelineOptions options;
  options.fs = &fs;
  auto program = mac::driver::checkBundle(kPath, options, sources, diags);
  if (!program) {
    // The bundle path exists, so the only acceptable error is none at all.
    llvm::consumeError(program.takeError());
    std::abort();
  }
  diags.sortAndDeduplicate(sources);
  llvm::raw_null_ostream out;
  mac::diag::RenderOptions render;
  render.fileCount = sources.fileCount();
  mac::diag::renderText(diags.diagnostics(), sources, render, out);
  mac::diag::renderJson(diags.diagnostics(), sources, render, out);
  return 0;
}
