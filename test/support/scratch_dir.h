// A fresh, empty directory for the current GoogleTest test, under the
// system's temporary directory, named after `prefix` and the test: tests
// that write files (build output, caches) start from nothing and never
// share a directory.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace mac::test {

inline std::filesystem::path scratchDirectory(const std::string &prefix) {
  const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir = std::filesystem::temp_directory_path() / (prefix + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

} // namespace mac::test
