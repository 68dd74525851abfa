// Unit tests of build output (backends/output_sink.h): a build replaces OUT
// whole or not at all, and leaves no temporary directory behind.
#include "backends/output_sink.h"

#include "test/support/corpus.h"
#include "test/support/scratch_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace mac::backend {
namespace {

namespace fs = std::filesystem;

fs::path scratch() { return test::scratchDirectory("mac-sink-"); }

std::string read(const fs::path &file) { return test::readFile(file); }

size_t entries(const fs::path &dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(OutputSink, MemorySinkKeepsFilesOrderedAndPrefixSinkNestsThem) {
  MemorySink memory;
  PrefixSink hubspot(memory, "hubspot");
  hubspot.write("flows/b.json", "b");
  memory.write("manifest.json", "m");
  hubspot.write("flows/a.json", "a");
  std::vector<std::string> paths;
  for (const auto &[path, contents] : memory.files())
    paths.push_back(path);
  EXPECT_EQ(paths, (std::vector<std::string>{"hubspot/flows/a.json", "hubspot/flows/b.json",
                                             "manifest.json"}));
}

TEST(OutputSink, WriteDirectoryCreatesAndThenReplacesTheWholeTree) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  ASSERT_FALSE(writeDirectory({{"a/one.json", "1"}, {"two.json", "2"}}, out.string()));
  EXPECT_EQ(read(out / "a" / "one.json"), "1");
  ASSERT_FALSE(writeDirectory({{"three.json", "3"}}, out.string()));
  EXPECT_EQ(read(out / "three.json"), "3");
  EXPECT_FALSE(fs::exists(out / "two.json")) << "files of the previous build must not survive";
  EXPECT_FALSE(fs::exists(out / "a"));
  EXPECT_EQ(entries(dir), 1u) << "no temporary directory may remain beside OUT";
  fs::remove_all(dir);
}

TEST(OutputSink, AFailedWriteLeavesThePreviousBuildUntouched) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  ASSERT_FALSE(writeDirectory({{"keep.json", "old"}}, out.string()));
  // "x" is a file, so "x/y.json" cannot be written: the build fails midway.
  llvm::Error error =
      writeDirectory({{"new.json", "new"}, {"x", "file"}, {"x/y.json", "y"}}, out.string());
  EXPECT_TRUE(static_cast<bool>(error));
  llvm::consumeError(std::move(error));
  EXPECT_EQ(read(out / "keep.json"), "old");
  EXPECT_FALSE(fs::exists(out / "new.json"));
  EXPECT_EQ(entries(dir), 1u);
  fs::remove_all(dir);
}

TEST(OutputSink, OutMustBeADirectory) {
  fs::path dir = scratch();
  std::ofstream(dir / "file") << "not a directory";
  llvm::Error error = writeDirectory({{"a.json", "a"}}, (dir / "file").string());
  EXPECT_TRUE(static_cast<bool>(error));
  llvm::consumeError(std::move(error));
  EXPECT_EQ(read(dir / "file"), "not a directory");
  EXPECT_EQ(entries(dir), 1u);
  fs::remove_all(dir);
}

TEST(OutputSink, StdoutUsesSplitFileMarkers) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeStdout({{"a.json", "{}\n"}, {"b.md", "no newline"}}, os);
  EXPECT_EQ(os.str(), "//--- a.json\n{}\n//--- b.md\nno newline\n");
}

} // namespace
} // namespace mac::backend
