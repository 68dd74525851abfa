// The repository's Flow corpus for the unit tests that compare two ways of
// doing one thing over every Flow text we have (the lexers, the parsers, the
// parse cache's encoding): every .flow file and every lit test (.test, whose
// split-file sections are Flow and whose RUN lines are syntax errors) below
// docs/, test/, stdlib/ and editors/, in path order.
#pragma once

#include <llvm/Support/ConvertUTF.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mac::test {

inline std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Whether `text` is valid UTF-8 (parseFile rejects it before lexing if not).
inline bool isUtf8(const std::string &text) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  return llvm::isLegalUTF8String(&begin, begin + text.size());
}

/// Every .flow and .test file below the corpus directories of the source
/// tree (MAC_SOURCE_DIR), sorted.
inline std::vector<std::filesystem::path> flowCorpusFiles() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const char *dir : {"docs", "test", "stdlib", "editors"}) {
    fs::path root = fs::path(MAC_SOURCE_DIR) / dir;
    if (!fs::exists(root))
      continue;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".flow" || extension == ".test"))
        files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace mac::test
