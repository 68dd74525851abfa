// Unit tests for the LSP transport's framing (compiler/lsp/transport.h):
// Content-Length headers, several messages in a row, bad headers and bodies
// answered as errors with reading going on, and the lit-test delimiters.
#include "compiler/lsp/transport.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace mac::lsp;

namespace {

std::string framed(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

} // namespace

TEST(LspTransport, ReadsConsecutiveFrames) {
  std::istringstream in(framed(R"({"jsonrpc":"2.0","id":1,"method":"a"})") +
                        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        framed(R"({"jsonrpc":"2.0","method":"b"})"));
  Incoming first = readFrame(in);
  ASSERT_EQ(first.kind, Incoming::Kind::Message);
  EXPECT_EQ(first.message["method"], "a");
  Incoming second = readFrame(in);
  ASSERT_EQ(second.kind, Incoming::Kind::Message);
  EXPECT_EQ(second.message["method"], "b");
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::End);
}

TEST(LspTransport, BodyIsCountedInBytesNotCharacters) {
  std::string body = R"({"method":"é😀"})";
  std::istringstream in(framed(body) + framed(R"({"method":"next"})"));
  EXPECT_EQ(readFrame(in).message["method"], "é😀");
  EXPECT_EQ(readFrame(in).message["method"], "next");
}

TEST(LspTransport, MissingContentLengthIsAnErrorAndReadingResumes) {
  std::istringstream in("Content-Length: lots\r\n\r\n{\"method\":\"lost\"}" +
                        framed(R"({"method":"found"})"));
  Incoming bad = readFrame(in);
  ASSERT_EQ(bad.kind, Incoming::Kind::Error);
  EXPECT_EQ(bad.error, ErrorCode::ParseError);
  Incoming good = readFrame(in);
  ASSERT_EQ(good.kind, Incoming::Kind::Message);
  EXPECT_EQ(good.message["method"], "found");
}

TEST(LspTransport, MalformedHeaderLineSkipsItsBody) {
  std::istringstream in("garbage without colon\r\n" + framed(R"({"method":"skipped"})") +
                        framed(R"({"method":"kept"})"));
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::Error);
  EXPECT_EQ(readFrame(in).message["method"], "kept");
}

TEST(LspTransport, InvalidJsonAndNonObjectsAreErrors) {
  std::istringstream in(framed("{not json") + framed("[1,2]") + framed("{}"));
  Incoming notJson = readFrame(in);
  EXPECT_EQ(notJson.kind, Incoming::Kind::Error);
  EXPECT_EQ(notJson.error, ErrorCode::ParseError);
  Incoming array = readFrame(in);
  EXPECT_EQ(array.kind, Incoming::Kind::Error);
  EXPECT_EQ(array.error, ErrorCode::InvalidRequest);
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::Message);
}

TEST(LspTransport, TruncatedBodyIsAnError) {
  std::istringstream in("Content-Length: 100\r\n\r\n{\"method\":\"short\"}");
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::Error);
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::End);
}

TEST(LspTransport, AnnouncedLengthBeyondTheInputIsATruncatedBody) {
  // 200 MB announced, 18 bytes sent: an error, without waiting for or
  // allocating what never comes.
  std::istringstream in("Content-Length: 200000000\r\n\r\n{\"method\":\"short\"}");
  Incoming incoming = readFrame(in);
  EXPECT_EQ(incoming.kind, Incoming::Kind::Error);
  EXPECT_EQ(incoming.error, ErrorCode::ParseError);
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::End);
}

TEST(LspTransport, OversizedBodyIsRefusedAndSkipped) {
  std::istringstream in("Content-Length: 999999999999\r\n\r\n{}");
  Incoming incoming = readFrame(in);
  EXPECT_EQ(incoming.kind, Incoming::Kind::Error);
  EXPECT_EQ(readFrame(in).kind, Incoming::Kind::End);
}

TEST(LspTransport, FrameWritesByteLength) {
  EXPECT_EQ(frame(Json{{"a", "é"}}), "Content-Length: 10\r\n\r\n{\"a\":\"é\"}");
}

TEST(LspTransport, StreamTransportRoundTrips) {
  std::istringstream in(framed(R"({"id":1})"));
  std::ostringstream out;
  auto transport = createStreamTransport(in, out);
  EXPECT_EQ(transport->read().message["id"], 1);
  transport->send(Json{{"id", 2}});
  EXPECT_EQ(out.str(), "Content-Length: 8\r\n\r\n{\"id\":2}");
}

TEST(LspTransport, LitTransportSplitsAtDelimitersAndSkipsComments) {
  std::istringstream in("# RUN: a comment\n{\"id\": 1}\n// -----\n# CHECK: x\n\n"
                        "// -----\n{\"id\":\n 2}\n// -----\nnot json\n");
  std::ostringstream out;
  auto transport = createLitTransport(in, out);
  EXPECT_TRUE(transport->ready());
  EXPECT_EQ(transport->read().message["id"], 1);
  EXPECT_EQ(transport->read().message["id"], 2);
  EXPECT_EQ(transport->read().kind, Incoming::Kind::Error);
  EXPECT_FALSE(transport->ready());
  EXPECT_EQ(transport->read().kind, Incoming::Kind::End);
  transport->send(Json{{"id", 3}});
  EXPECT_EQ(out.str(), "{\n  \"id\": 3\n}\n");
}
