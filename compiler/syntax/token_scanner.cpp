// The Flow lexer's core (see token_scanner.h). Each family of rules that can
// start with the same character is matched by one function that computes
// every rule's longest match and keeps the longest, the earlier rule on a tie,
// as ANTLR's lexer does.
#include "compiler/syntax/token_scanner.h"

#include "compiler/syntax/input_checks.h"

#include "FlowLexer.h"

#include <algorithm>
#include <array>

namespace mac::syntax {
namespace {

using gen::FlowLexer;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isIdentStart(char c) { return isLetter(c) || c == '_'; }
bool isIdentPart(char c) { return isIdentStart(c) || isDigit(c); }
bool isAlnum(char c) { return isLetter(c) || isDigit(c); }

/// The bytes of the UTF-8 sequence that `lead` starts.
size_t sequenceLength(char lead) {
  auto byte = static_cast<unsigned char>(lead);
  if (byte < 0x80)
    return 1;
  if (byte >= 0xF0)
    return 4;
  if (byte >= 0xE0)
    return 3;
  return 2;
}

} // namespace

const llvm::StringMap<size_t> &keywordTokenTypes() {
  static const llvm::StringMap<size_t> types = [] {
    antlr4::ANTLRInputStream empty;
    FlowLexer lexer(&empty);
    const antlr4::dfa::Vocabulary &vocabulary = lexer.getVocabulary();
    llvm::StringMap<size_t> map;
    for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string literal = vocabulary.getLiteralName(type); // `'add'`, or empty
      if (literal.size() > 2 && isIdentStart(literal[1]))
        map[literal.substr(1, literal.size() - 2)] = type;
    }
    return map;
  }();
  return types;
}

namespace {

/// keywordTokenTypes() as an open-addressing table with a cheap hash of the
/// length and three letters: looking words up was a third of the scanner's
/// instructions with llvm::StringMap, which hashes every byte.
class KeywordTable {
public:
  KeywordTable() {
    for (const auto &keyword : keywordTokenTypes()) {
      std::string_view word(keyword.getKey().data(), keyword.getKey().size());
      longest_ = std::max(longest_, word.size());
      size_t slot = hash(word);
      while (entries_[slot].type != 0)
        slot = (slot + 1) & kMask;
      entries_[slot] = {word, keyword.getValue()};
    }
  }

  /// The keyword's token type, or IDENT.
  size_t find(std::string_view word) const {
    if (word.size() > longest_)
      return FlowLexer::IDENT;
    for (size_t slot = hash(word);; slot = (slot + 1) & kMask) {
      const Entry &entry = entries_[slot];
      if (entry.type == 0)
        return FlowLexer::IDENT;
      if (entry.word == word)
        return entry.type;
    }
  }

private:
  static constexpr size_t kMask = 1023; // 1,024 slots for about 120 keywords
  static size_t hash(std::string_view word) {
    auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(word[i])); };
    return (word.size() * 131 + byte(0) * 31 + byte(word.size() / 2) * 7 + byte(word.size() - 1)) &
           kMask;
  }
  struct Entry {
    std::string_view word;
    size_t type = 0;
  };
  std::array<Entry, kMask + 1> entries_{};
  size_t longest_ = 0;
};

/// The longest of `candidates`, the first one listed on a tie; the list is
/// in the order the rules stand in FlowLexer.g4.
template <size_t N> TokenMatch longest(const std::array<TokenMatch, N> &candidates) {
  TokenMatch best;
  for (const TokenMatch &candidate : candidates)
    if (candidate.length > best.length)
      best = candidate;
  return best;
}

class Scanner {
public:
  Scanner(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

  TokenMatch match() const {
    char c = text_[pos_];
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\f':
      return {run(pos_,
                  [](char ch) {
                    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f';
                  }),
              FlowLexer::WS};
    case '/':
      return slash();
    case '"':
      return string();
    case '{':
      return {1, FlowLexer::LBRACE};
    case '}':
      return {1, FlowLexer::RBRACE};
    case '(':
      return {1, FlowLexer::LPAREN};
    case ')':
      return {1, FlowLexer::RPAREN};
    case '[':
      return {1, FlowLexer::LBRACKET};
    case ']':
      return {1, FlowLexer::RBRACKET};
    case ';':
      return {1, FlowLexer::SEMI};
    case ':':
      return {1, FlowLexer::COLON};
    case ',':
      return {1, FlowLexer::COMMA};
    case '?':
      return {1, FlowLexer::QUESTION};
    case '|':
      return {1, FlowLexer::PIPE};
    case '-':
      return {1, FlowLexer::MINUS};
    case '.':
      return at(pos_ + 1, '.') ? TokenMatch{2, FlowLexer::DOTDOT} : TokenMatch{1, FlowLexer::DOT};
    case '=':
      return at(pos_ + 1, '=') ? TokenMatch{2, FlowLexer::EQEQ}
                               : TokenMatch{1, FlowLexer::ASSIGN_OP};
    case '!':
      return at(pos_ + 1, '=') ? TokenMatch{2, FlowLexer::NEQ}
                               : TokenMatch{1, FlowLexer::ERROR_CHAR};
    case '<':
      return at(pos_ + 1, '=') ? TokenMatch{2, FlowLexer::LE} : TokenMatch{1, FlowLexer::LT};
    case '>':
      return at(pos_ + 1, '=') ? TokenMatch{2, FlowLexer::GE} : TokenMatch{1, FlowLexer::GT};
    default:
      break;
    }
    if (isDigit(c))
      return number();
    if (isIdentStart(c))
      return word();
    return {sequenceLength(c), FlowLexer::ERROR_CHAR};
  }

private:
  bool at(size_t i, char c) const { return i < text_.size() && text_[i] == c; }
  bool is(size_t i, bool (*test)(char)) const { return i < text_.size() && test(text_[i]); }
  template <class Test> size_t run(size_t i, Test test) const {
    size_t j = i;
    while (j < text_.size() && test(text_[j]))
      ++j;
    return j - i;
  }
  size_t digits(size_t i) const { return run(i, isDigit); }

  /// LINE_COMMENT, BLOCK_COMMENT (up to the first `*/`; unterminated, it is
  /// no token and the `/` is a SLASH) or SLASH.
  TokenMatch slash() const {
    if (at(pos_ + 1, '/'))
      return {2 + run(pos_ + 2, [](char ch) { return ch != '\r' && ch != '\n'; }),
              FlowLexer::LINE_COMMENT};
    if (at(pos_ + 1, '*')) {
      size_t end = text_.find("*/", pos_ + 2);
      if (end != std::string_view::npos)
        return {end + 2 - pos_, FlowLexer::BLOCK_COMMENT};
    }
    return {1, FlowLexer::SLASH};
  }

  /// TRIPLE_STRING (up to the first `"""`), STRING, or UNTERMINATED_STRING:
  /// the body as STRING has it, stopped by a line end, a backslash before a
  /// line end, or the end of the text. An unterminated `"""` leaves STRING
  /// `""`, the longest match then.
  TokenMatch string() const {
    if (at(pos_ + 1, '"') && at(pos_ + 2, '"')) {
      size_t end = text_.find("\"\"\"", pos_ + 3);
      if (end != std::string_view::npos)
        return {end + 3 - pos_, FlowLexer::TRIPLE_STRING};
    }
    size_t i = pos_ + 1;
    while (i < text_.size()) {
      char ch = text_[i];
      if (ch == '"')
        return {i + 1 - pos_, FlowLexer::STRING};
      if (ch == '\r' || ch == '\n')
        break;
      if (ch == '\\') {
        if (i + 1 < text_.size() && text_[i + 1] != '\r' && text_[i + 1] != '\n') {
          i += 2; // the escaped character's continuation bytes follow as body
          continue;
        }
        break;
      }
      ++i;
    }
    return {i - pos_, FlowLexer::UNTERMINATED_STRING};
  }

  /// DATETIME, DATE, VERSION, CLOCK, DECIMAL, DURATION or INT.
  TokenMatch number() const {
    const size_t p = pos_;
    const size_t whole = digits(p);
    TokenMatch date, datetime, version, clock, decimal, duration;
    if (whole == 4 && at(p + 4, '-') && is(p + 5, isDigit) && is(p + 6, isDigit) &&
        at(p + 7, '-') && is(p + 8, isDigit) && is(p + 9, isDigit)) {
      date = {10, FlowLexer::DATE};
      size_t hours = at(p + 10, 'T') ? digits(p + 11) : 0;
      size_t minutes = hours && at(p + 11 + hours, ':') ? digits(p + 12 + hours) : 0;
      if (minutes) {
        size_t end = p + 12 + hours + minutes;
        size_t seconds = at(end, ':') ? digits(end + 1) : 0;
        if (seconds)
          end += 1 + seconds;
        datetime = {end - p, FlowLexer::DATETIME};
      }
    }
    if (size_t minutes = at(p + whole, ':') ? digits(p + whole + 1) : 0)
      clock = {whole + 1 + minutes, FlowLexer::CLOCK};
    size_t fraction = at(p + whole, '.') ? digits(p + whole + 1) : 0;
    if (fraction) {
      decimal = {whole + 1 + fraction, FlowLexer::DECIMAL};
      size_t patch = at(p + decimal.length, '.') ? digits(p + decimal.length + 1) : 0;
      if (patch) {
        size_t end = p + decimal.length + 1 + patch;
        if (at(end, '-') && is(end + 1, isAlnum)) {
          end += 1 + run(end + 1, isAlnum);
          while (at(end, '.') && is(end + 1, isAlnum))
            end += 1 + run(end + 1, isAlnum);
        }
        version = {end - p, FlowLexer::VERSION};
      }
    }
    // DIGIT+ ('.' DIGIT+)? [A-Za-z_] [A-Za-z0-9_]*: with the fraction when
    // there is one and a unit follows it, else without.
    for (size_t number : {fraction ? whole + 1 + fraction : 0, whole}) {
      if (number && is(p + number, isIdentStart)) {
        duration = {number + 1 + run(p + number + 1, isIdentPart), FlowLexer::DURATION};
        break;
      }
    }
    return longest(std::array<TokenMatch, 7>{datetime, date, version, clock, decimal, duration,
                                             TokenMatch{whole, FlowLexer::INT}});
  }

  /// A keyword, KEBAB (`a-b`, `x-1-y`) or IDENT.
  TokenMatch word() const {
    size_t identifier = 1 + run(pos_ + 1, isIdentPart);
    size_t end = pos_ + identifier;
    while (at(end, '-') && is(end + 1, isIdentPart))
      end += 1 + run(end + 1, isIdentPart);
    if (end > pos_ + identifier)
      return {end - pos_, FlowLexer::KEBAB};
    static const KeywordTable keywords;
    return {identifier, keywords.find(text_.substr(pos_, identifier))};
  }

  std::string_view text_;
  size_t pos_;
};

} // namespace

TokenMatch scanToken(std::string_view text, size_t pos) { return Scanner(text, pos).match(); }

bool isHiddenToken(size_t type) {
  return type == FlowLexer::WS || type == FlowLexer::LINE_COMMENT ||
         type == FlowLexer::BLOCK_COMMENT;
}

size_t firstTokenOffset(std::string_view text) {
  return text.substr(0, 3) == kByteOrderMark ? 3 : 0;
}

void scanTokens(std::string_view text, std::vector<ScannedToken> &tokens,
                std::vector<ScannedToken> &comments) {
  tokens.reserve(tokens.size() + text.size() / 5 + 1);
  for (size_t pos = firstTokenOffset(text); pos < text.size();) {
    TokenMatch found = Scanner(text, pos).match();
    auto token = ScannedToken{static_cast<uint32_t>(found.type), static_cast<uint32_t>(pos),
                              static_cast<uint32_t>(pos + found.length)};
    pos += found.length;
    if (found.type == FlowLexer::WS)
      continue;
    if (found.type == FlowLexer::LINE_COMMENT || found.type == FlowLexer::BLOCK_COMMENT)
      comments.push_back(token);
    else
      tokens.push_back(token);
  }
  auto end = static_cast<uint32_t>(text.size());
  tokens.push_back(ScannedToken{kEndOfText, end, end});
}

bool NestingCounter::add(size_t type, bool hidden) {
  if (type == FlowLexer::K_NOT)
    return depth_ + ++negations_ <= limit_;
  if (!hidden)
    negations_ = 0;
  switch (type) {
  case FlowLexer::LBRACE:
  case FlowLexer::LPAREN:
  case FlowLexer::LBRACKET:
    return ++depth_ <= limit_;
  case FlowLexer::RBRACE:
  case FlowLexer::RPAREN:
  case FlowLexer::RBRACKET:
    if (depth_ > 0)
      --depth_;
    return true;
  default:
    return true;
  }
}

} // namespace mac::syntax
