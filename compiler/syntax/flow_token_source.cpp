// FlowTokenSource: the ANTLR adapter over scanToken (see the header): code
// point indices, lines and columns for each CommonToken.
#include "compiler/syntax/flow_token_source.h"

namespace mac::syntax {
namespace {

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

} // namespace

FlowTokenSource::FlowTokenSource(std::string_view text)
    : text_(text), pos_(firstTokenOffset(text)) {}

antlr4::TokenFactory<antlr4::CommonToken> *FlowTokenSource::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

std::unique_ptr<antlr4::Token> FlowTokenSource::nextToken() {
  if (pos_ >= text_.size()) {
    // As Lexer::emitEOF: start at the end, stop one before, and the text
    // CommonToken::getText gives an EOF token of a character stream.
    auto eof = std::make_unique<antlr4::CommonToken>(
        std::make_pair(static_cast<antlr4::TokenSource *>(this), nullptr), antlr4::Token::EOF,
        antlr4::Token::DEFAULT_CHANNEL, codePoint_, codePoint_ - 1);
    eof->setText("<EOF>");
    return eof;
  }
  TokenMatch found = scanToken(text_, pos_);
  std::string_view bytes = text_.substr(pos_, found.length);
  size_t codePoints = 0;
  for (char byte : bytes)
    codePoints += !isContinuationByte(byte);
  size_t channel =
      isHiddenToken(found.type) ? antlr4::Token::HIDDEN_CHANNEL : antlr4::Token::DEFAULT_CHANNEL;
  // The token reads its line and column from this source: still its start.
  auto token = std::make_unique<antlr4::CommonToken>(
      std::make_pair(static_cast<antlr4::TokenSource *>(this), nullptr), found.type, channel,
      codePoint_, codePoint_ + codePoints - 1);
  token->setText(std::string(bytes));
  for (char byte : bytes) {
    if (byte == '\n') {
      ++line_;
      column_ = 0;
    } else if (!isContinuationByte(byte)) {
      ++column_;
    }
  }
  codePoint_ += codePoints;
  pos_ += found.length;
  return token;
}

} // namespace mac::syntax
