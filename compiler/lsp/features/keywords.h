// The words of the Flow language as the features need them: every keyword
// of grammar/FlowLexer.g4, the few that can never be a name (FlowParser.g4's
// `ident` rule accepts every other keyword as an identifier), and the test
// for a valid identifier (LANGUAGE.md §1: [A-Za-z_][A-Za-z0-9_]*).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mac::lsp::features {

/// Every keyword of the lexer, sorted.
const std::vector<std::string> &keywords();
bool isKeyword(std::string_view word);
/// The keywords that cannot be used as a name: `and`, `else`, `false`, `if`,
/// `in`, `is`, `not`, `or`, `true`.
bool isReserved(std::string_view word);
/// `[A-Za-z_][A-Za-z0-9_]*` and not reserved.
bool isIdentifier(std::string_view word);
bool isIdentifierChar(char c);

} // namespace mac::lsp::features
