// Unit tests for SourceManager: offsets to lines and columns and back.
#include "compiler/base/source_manager.h"

#include <gtest/gtest.h>

using mac::SourceManager;

TEST(SourceManager, LineAndColumnAreOneBasedBytes) {
  SourceManager sources;
  auto id = sources.addFile("a.flow", "/a.flow", "ab\ncd\n\u00e9x\n");
  EXPECT_EQ(sources.lineColumn(id, 0).line, 1u);
  EXPECT_EQ(sources.lineColumn(id, 0).column, 1u);
  EXPECT_EQ(sources.lineColumn(id, 4).line, 2u);
  EXPECT_EQ(sources.lineColumn(id, 4).column, 2u);
  // `x` follows a two-byte character: column 3 in bytes.
  EXPECT_EQ(sources.lineColumn(id, 8).column, 3u);
  EXPECT_EQ(sources.lineText(id, 2), "cd");
}

TEST(SourceManager, OffsetOfInvertsLineColumn) {
  SourceManager sources;
  auto id = sources.addFile("a.flow", "/a.flow", "one\r\ntwo\nthree");
  for (uint32_t offset = 0; offset < 14; ++offset)
    EXPECT_EQ(sources.offsetOf(id, sources.lineColumn(id, offset)), offset);
  EXPECT_EQ(sources.lineText(id, 1), "one");
  EXPECT_EQ(sources.lineText(id, 9), "");
}
