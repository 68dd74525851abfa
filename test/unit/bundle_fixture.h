// A test fixture shared by the unit tests: writes in-memory files into a
// fresh directory, loads them as a bundle and runs sema over it.
#pragma once

#include "compiler/sema/sema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mac::test {

struct Analysed {
  SourceManager sources;
  diag::Engine diags;
  std::unique_ptr<sema::Program> program;
};

/// Writes `files` (path, text) into a temporary bundle directory and analyses it.
inline std::unique_ptr<Analysed>
analyse(const std::vector<std::pair<std::string, std::string>> &files) {
  auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::temp_directory_path() /
             ("mac-unit-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "-" + info->test_suite_name() + "-" + info->name());
  std::filesystem::remove_all(dir);
  for (const auto &[path, text] : files) {
    std::filesystem::create_directories((dir / path).parent_path());
    std::ofstream(dir / path) << text;
  }
  auto out = std::make_unique<Analysed>();
  auto bundle = sema::loadBundle(dir.string(), out->sources, out->diags);
  EXPECT_TRUE(static_cast<bool>(bundle));
  out->program = sema::analyze(*bundle, out->sources, {}, out->diags);
  std::filesystem::remove_all(dir);
  return out;
}

} // namespace mac::test
