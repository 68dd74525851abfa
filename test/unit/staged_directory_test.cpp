// Unit tests of StagedDirectory (backends/staged_directory.h), the sink
// `mac build -o OUT` streams into: files written from several threads land
// in a hidden directory with their SHA-256 kept, and OUT changes only on a
// successful commit(); otherwise it stays as it was and nothing is left.
#include "backends/build_context.h"
#include "backends/staged_directory.h"

#include "test/support/corpus.h"
#include "test/support/scratch_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace mac::backend {
namespace {

namespace fs = std::filesystem;

fs::path scratch() { return test::scratchDirectory("mac-staged-"); }

std::string read(const fs::path &file) { return test::readFile(file); }

std::vector<std::string> entries(const fs::path &dir) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(StagedDirectory, WritesFromSeveralThreadsAndKeepsEveryDigest) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  {
    StagedDirectory staged(out.string());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&staged, t] {
        for (int i = 0; i < 50; ++i)
          staged.write("t" + std::to_string(t) + "/flows/f" + std::to_string(i) + ".json",
                       std::string(static_cast<size_t>(i * 100), static_cast<char>('a' + t)));
      });
    for (std::thread &thread : threads)
      thread.join();
    EXPECT_FALSE(fs::exists(out)) << "OUT appears only on commit";
    EXPECT_EQ(staged.fileCount(), 200u);
    ASSERT_EQ(staged.digests().size(), 200u);
    EXPECT_EQ(staged.digests().at("t2/flows/f7.json"), sha256Hex(std::string(700, 'c')));
    EXPECT_EQ(staged.digests().at("t0/flows/f0.json"), sha256Hex(""));
    ASSERT_FALSE(staged.commit());
  }
  EXPECT_EQ(read(out / "t3" / "flows" / "f49.json"), std::string(4900, 'd'));
  EXPECT_EQ(read(out / "t0" / "flows" / "f0.json"), "");
  EXPECT_EQ(entries(out), (std::vector<std::string>{"t0", "t1", "t2", "t3"}));
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out"}) << "no temporary directory remains";
  fs::remove_all(dir);
}

TEST(StagedDirectory, ReplacesThePreviousTreeWhole) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  fs::create_directories(out / "stale");
  std::ofstream(out / "stale" / "old.json") << "old";
  StagedDirectory staged(out.string());
  staged.write("new.json", "new");
  staged.write("new.json", "newer"); // the last write of a path wins
  ASSERT_FALSE(staged.commit());
  EXPECT_EQ(entries(out), std::vector<std::string>{"new.json"});
  EXPECT_EQ(read(out / "new.json"), "newer");
  EXPECT_EQ(staged.digests().at("new.json"), sha256Hex("newer"));
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out"});
  fs::remove_all(dir);
}

TEST(StagedDirectory, WithoutCommitOutIsUntouchedAndNothingRemains) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  fs::create_directories(out);
  std::ofstream(out / "keep.json") << "old";
  {
    StagedDirectory staged(out.string());
    staged.write("a/new.json", "new");
    EXPECT_EQ(entries(dir).size(), 2u) << "the files are on disk before the commit";
  }
  EXPECT_EQ(entries(out), std::vector<std::string>{"keep.json"});
  EXPECT_EQ(read(out / "keep.json"), "old");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out"});
  fs::remove_all(dir);
}

TEST(StagedDirectory, NothingIsCreatedBeforeTheFirstWrite) {
  fs::path dir = scratch();
  { StagedDirectory staged((dir / "sub" / "out").string()); }
  EXPECT_TRUE(entries(dir).empty());
  fs::remove_all(dir);
}

TEST(StagedDirectory, AWriteErrorFailsTheCommitAndKeepsOut) {
  fs::path dir = scratch();
  fs::path out = dir / "out";
  fs::create_directories(out);
  std::ofstream(out / "keep.json") << "old";
  StagedDirectory staged(out.string());
  staged.write("x", "a file");
  staged.write("x/y.json", "cannot go under a file");
  staged.write("z.json", "fine");
  llvm::Error error = staged.commit();
  ASSERT_TRUE(static_cast<bool>(error));
  EXPECT_NE(llvm::toString(std::move(error)).find("x/y.json"), std::string::npos);
  EXPECT_EQ(entries(out), std::vector<std::string>{"keep.json"});
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out"});
  fs::remove_all(dir);
}

TEST(StagedDirectory, CommitOverAFileFails) {
  fs::path dir = scratch();
  std::ofstream(dir / "file") << "not a directory";
  StagedDirectory staged((dir / "file").string());
  staged.write("a.json", "a");
  llvm::Error error = staged.commit();
  EXPECT_TRUE(static_cast<bool>(error));
  llvm::consumeError(std::move(error));
  EXPECT_EQ(read(dir / "file"), "not a directory");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"file"});
  fs::remove_all(dir);
}

} // namespace
} // namespace mac::backend
