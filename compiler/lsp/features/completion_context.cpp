// The completion context's lexer and block tracker (see completion_context.h).
#include "compiler/lsp/features/completion_context.h"

#include "compiler/lsp/features/keywords.h"

#include <algorithm>

namespace mac::lsp::features {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Lexes text[0, end). Stops early, setting `open`, in an unterminated
/// comment or string; `openString` tells a `"` string (completable) apart.
class Lexer {
public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
        ++at_;
      } else if (starts("//")) {
        size_t newline = text_.find('\n', at_);
        if (newline == std::string_view::npos)
          return open(tokens, false);
        at_ = newline + 1;
      } else if (starts("/*")) {
        size_t close = text_.find("*/", at_ + 2);
        if (close == std::string_view::npos)
          return open(tokens, false);
        at_ = close + 2;
      } else if (starts("\"\"\"")) {
        size_t close = text_.find("\"\"\"", at_ + 3);
        if (close == std::string_view::npos)
          return open(tokens, false);
        push(tokens, Token::Kind::String, close + 3);
      } else if (c == '"') {
        size_t end = at_ + 1;
        while (end < text_.size() && text_[end] != '"' && text_[end] != '\n')
          end += text_[end] == '\\' ? 2 : 1;
        if (end >= text_.size()) {
          openStringAt_ = at_;
          return open(tokens, true);
        }
        push(tokens, Token::Kind::String, end + 1);
      } else if (isIdentifierChar(c) && !isDigit(c)) {
        size_t end = at_;
        while (end < text_.size() && isIdentifierChar(text_[end]))
          ++end;
        push(tokens, Token::Kind::Word, end);
      } else if (isDigit(c)) {
        size_t end = at_;
        while (end < text_.size() &&
               (isIdentifierChar(text_[end]) || text_[end] == ':' ||
                (text_[end] == '.' && end + 1 < text_.size() && isDigit(text_[end + 1]))))
          ++end;
        push(tokens, Token::Kind::Number, end);
      } else {
        static constexpr std::string_view pairs[] = {"==", "!=", "<=", ">=", ".."};
        size_t length = 1;
        for (std::string_view pair : pairs)
          if (starts(pair))
            length = 2;
        push(tokens, Token::Kind::Symbol, at_ + length);
      }
    }
    return tokens;
  }

  bool inOpenText() const { return openText_; }
  bool inOpenString() const { return openString_; }
  uint32_t openStringAt() const { return static_cast<uint32_t>(openStringAt_); }

private:
  bool starts(std::string_view token) const { return text_.substr(at_).starts_with(token); }
  void push(std::vector<Token> &tokens, Token::Kind kind, size_t end) {
    tokens.push_back({kind, text_.substr(at_, end - at_), static_cast<uint32_t>(at_),
                      static_cast<uint32_t>(end)});
    at_ = end;
  }
  std::vector<Token> &open(std::vector<Token> &tokens, bool string) {
    (string ? openString_ : openText_) = true;
    at_ = text_.size();
    return tokens;
  }

  std::string_view text_;
  size_t at_ = 0;
  size_t openStringAt_ = 0;
  bool openText_ = false, openString_ = false;
};

} // namespace

CompletionContext completionContext(std::string_view text, uint32_t cursor) {
  CompletionContext context;
  cursor = std::min<uint32_t>(cursor, text.size());
  Lexer lexer(text.substr(0, cursor));
  std::vector<Token> tokens = lexer.run();
  context.replaceBegin = context.replaceEnd = cursor;
  if (lexer.inOpenText()) {
    context.nothing = true;
    return context;
  }
  if (lexer.inOpenString()) {
    context.inString = true;
    context.replaceBegin = lexer.openStringAt();
    if (cursor < text.size() && text[cursor] == '"')
      context.replaceEnd = cursor + 1; // the closing quote the editor added
  } else if (!tokens.empty() && tokens.back().end == cursor &&
             (tokens.back().kind == Token::Kind::Word ||
              tokens.back().kind == Token::Kind::Number)) {
    context.replaceBegin = tokens.back().begin;
    tokens.pop_back();
  }
  context.prefix = text.substr(context.replaceBegin, cursor - context.replaceBegin);
  size_t start = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view symbol = tokens[i].kind == Token::Kind::Symbol ? tokens[i].text : "";
    if (symbol == "{") {
      auto header = std::find_if(tokens.begin() + start, tokens.begin() + i,
                                 [](const Token &t) { return t.kind == Token::Kind::Word; });
      context.blocks.push_back(header != tokens.begin() + i ? header->text : "");
    } else if (symbol == "}" && !context.blocks.empty()) {
      context.blocks.pop_back();
    }
    if (symbol == "{" || symbol == "}" || symbol == ";")
      start = i + 1;
  }
  context.statement.assign(tokens.begin() + start, tokens.end());
  return context;
}

} // namespace mac::lsp::features
