// The keyword lists of keywords.h: the lexer's own (syntax::keywords) and
// the reserved words.
#include "compiler/lsp/features/keywords.h"

#include "compiler/syntax/parse.h"

#include <algorithm>
#include <array>

namespace mac::lsp::features {
namespace {

constexpr std::array kReserved = std::to_array<std::string_view>(
    {"and", "else", "false", "if", "in", "is", "not", "or", "true"});

} // namespace

const std::vector<std::string> &keywords() { return syntax::keywords(); }

bool isKeyword(std::string_view word) {
  return std::binary_search(keywords().begin(), keywords().end(), word);
}

bool isReserved(std::string_view word) {
  return std::find(kReserved.begin(), kReserved.end(), word) != kReserved.end();
}

bool isIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isIdentifier(std::string_view word) {
  if (word.empty() || (word[0] >= '0' && word[0] <= '9') || isReserved(word))
    return false;
  return std::all_of(word.begin(), word.end(), isIdentifierChar);
}

} // namespace mac::lsp::features
