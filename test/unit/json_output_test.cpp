// backend::prettyJson must give exactly nlohmann's `dump(2)`: over every JSON
// file of the repository and the platform specs (shared/specs),
// hand-picked edge cases of the serializer, and random values.
#include "backends/json_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace mac::backend {
namespace {

using nlohmann::json;

void expectSameAsDump(const json &value) {
  ASSERT_EQ(prettyJson(value), value.dump(2)) << value.dump();
}

TEST(PrettyJson, EdgeCases) {
  expectSameAsDump(json());
  expectSameAsDump(json::object());
  expectSameAsDump(json::array());
  expectSameAsDump(json::parse(R"({"a": {}, "b": [], "c": [[], {}, [[]]], "d": {"e": {"f": 1}}})"));
  expectSameAsDump(json(true));
  expectSameAsDump(json(false));
  expectSameAsDump(json(0));
  expectSameAsDump(json(-1));
  expectSameAsDump(json(INT64_MIN));
  expectSameAsDump(json(INT64_MAX));
  expectSameAsDump(json(UINT64_MAX));
  for (double number : {0.0, -0.0, 1.0, 0.1, 1e100, -2.5e-300, 3.141592653589793, 1e21, 123456.0})
    expectSameAsDump(json({{"n", number}, {"list", {number, number}}}));
  expectSameAsDump(json(std::numeric_limits<double>::infinity()));
  expectSameAsDump(json(std::numeric_limits<double>::quiet_NaN()));
  std::string controls;
  for (int c = 0; c < 0x80; ++c)
    controls += static_cast<char>(c);
  expectSameAsDump(json({{controls, controls}}));
  expectSameAsDump(json("quote \" backslash \\ slash / tab\t é ✓ 😀 中文 \x7f end"));
  expectSameAsDump(json::parse(R"(["\u2028\u2029", "\ud83d\ude00", "a\u0000b"])"));
}

TEST(PrettyJson, InvalidUtf8ThrowsAsDumpDoes) {
  json value = {{"bad", std::string("a\xff"
                                    "b")}};
  EXPECT_THROW(value.dump(2), json::type_error);
  EXPECT_THROW(prettyJson(value), json::type_error);
}

TEST(PrettyJson, EveryJsonFileOfTheRepository) {
  namespace fs = std::filesystem;
  size_t files = 0;
  for (const char *root :
       {MAC_SOURCE_DIR "/test", MAC_SOURCE_DIR "/docs", MAC_SOURCE_DIR "/../shared"}) {
    if (!fs::exists(root))
      continue;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      const fs::directory_entry &entry = *it;
      if (entry.is_directory() && entry.path().filename() == "node_modules") {
        it.disable_recursion_pending(); // installed packages, not ours
        continue;
      }
      if (!entry.is_regular_file() || entry.path().extension() != ".json" ||
          entry.file_size() > (8u << 20))
        continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      json value = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
      if (value.is_discarded())
        continue;
      ++files;
      ASSERT_EQ(prettyJson(value), value.dump(2)) << entry.path();
    }
  }
  // 39 in the repository and 17 platform specs (shared/specs) when written.
  EXPECT_GE(files, 50u) << "the JSON corpus was not found under " << MAC_SOURCE_DIR;
}

/// A random value of depth at most `depth`, with awkward strings and numbers.
json randomValue(std::mt19937 &random, int depth) {
  static const char *pieces[] = {"",     "a", "\"", "\\", "\n", "\x01",
                                 "\x1f", " ", "é",  "😀",  "{",  "/"};
  auto text = [&] {
    std::string s;
    for (int n = random() % 6; n > 0; --n)
      s += pieces[random() % std::size(pieces)];
    return s;
  };
  switch (depth <= 0 ? random() % 5 : random() % 7) {
  case 0:
    return json();
  case 1:
    return json(random() % 2 == 0);
  case 2:
    return json(static_cast<int64_t>(random()) - static_cast<int64_t>(random()));
  case 3:
    return json(static_cast<double>(random()) / 7.0);
  case 4:
    return json(text());
  case 5: {
    json array = json::array();
    for (int n = random() % 4; n > 0; --n)
      array.push_back(randomValue(random, depth - 1));
    return array;
  }
  default: {
    json object = json::object();
    for (int n = random() % 4; n > 0; --n)
      object[text()] = randomValue(random, depth - 1);
    return object;
  }
  }
}

TEST(PrettyJson, RandomValues) {
  std::mt19937 random(20261122);
  for (int i = 0; i < 20000; ++i)
    expectSameAsDump(randomValue(random, 4));
}

} // namespace
} // namespace mac::backend
