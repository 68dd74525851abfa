// The build identity (see build_identity.h): the NT_GNU_BUILD_ID note of the
// main program, found with dl_iterate_phdr (its first entry is the program
// itself), else facts about the executable file.
#include "compiler/cache/build_identity.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#endif

namespace mac::cache {
namespace {

#if defined(__linux__)
/// dl_iterate_phdr's callback: reads the build id note of the first object
/// (the program) into `data` (a std::string) and stops.
int readBuildId(struct dl_phdr_info *info, size_t, void *data) {
  auto &out = *static_cast<std::string *>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE)
      continue;
    const char *at = reinterpret_cast<const char *>(info->dlpi_addr + segment.p_vaddr);
    const char *end = at + segment.p_memsz;
    auto align4 = [](size_t n) { return (n + 3) & ~size_t(3); };
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char *name = at + sizeof note;
      const char *desc = name + align4(note.n_namesz);
      if (desc + note.n_descsz > end)
        break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        llvm::raw_string_ostream os(out);
        for (size_t b = 0; b < note.n_descsz; ++b)
          os << llvm::format_hex_no_prefix(static_cast<uint8_t>(desc[b]), 2);
        return 1;
      }
      at = desc + align4(note.n_descsz);
    }
  }
  return 1; // only the first object is the program
}
#endif

std::string computeIdentity() {
  std::string id;
#if defined(__linux__)
  dl_iterate_phdr(readBuildId, &id);
  if (!id.empty())
    return "build-id:" + id;
#endif
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::sys::fs::file_status status;
  if (exe.empty() || llvm::sys::fs::status(exe, status))
    return "unknown";
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "exe:" << exe << ":" << status.getSize() << ":"
     << status.getLastModificationTime().time_since_epoch().count();
  return out;
}

} // namespace

const std::string &buildIdentity() {
  static const std::string identity = computeIdentity();
  return identity;
}

} // namespace mac::cache
