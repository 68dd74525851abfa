// loadJson and locate (see json_input.h). Parse errors come from a SAX
// handler around nlohmann's DOM builder, which is the only way to learn the
// byte offset without exceptions. `locate` walks the text with a small
// scanner that skips strings and nested values.
#include "importers/json_input.h"

#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <cctype>

namespace mac::importer {

namespace {

/// Builds the DOM like nlohmann's parser, and remembers where it failed.
class PositionedSax : public nlohmann::detail::json_sax_dom_parser<json> {
public:
  explicit PositionedSax(json &root) : json_sax_dom_parser(root, false) {}
  bool parse_error(std::size_t position, const std::string &token,
                   const nlohmann::detail::exception &error) {
    failed = true;
    offset = position > 0 ? position - 1 : 0;
    message = error.what();
    (void)token;
    return false;
  }
  bool failed = false;
  size_t offset = 0;
  std::string message;
};

/// A short reason from nlohmann's message ("[json.exception.parse_error.101]
/// parse error at line 1, column 3: syntax error while parsing value - …").
std::string reason(const std::string &message) {
  size_t dash = message.find(" - ");
  return dash == std::string::npos ? message : message.substr(dash + 3);
}

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void skipSpace() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])))
      ++at_;
  }
  /// Skips one value starting at the current position.
  void skipValue() {
    skipSpace();
    if (at_ >= text_.size())
      return;
    char c = text_[at_];
    if (c == '"')
      return skipString();
    if (c == '{' || c == '[') {
      int depth = 0;
      while (at_ < text_.size()) {
        char d = text_[at_];
        if (d == '"') {
          skipString();
          continue;
        }
        if (d == '{' || d == '[')
          ++depth;
        if (d == '}' || d == ']')
          --depth;
        ++at_;
        if (depth == 0)
          return;
      }
      return;
    }
    while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '}' && text_[at_] != ']' &&
           !std::isspace(static_cast<unsigned char>(text_[at_])))
      ++at_;
  }
  std::string readString() {
    size_t begin = at_ + 1;
    skipString();
    return std::string(text_.substr(begin, at_ - begin - 1)); // escapes kept: keys are plain
  }
  /// Moves into the member `key` of the object here; false when absent.
  bool member(const std::string &key) {
    skipSpace();
    if (at_ >= text_.size() || text_[at_] != '{')
      return false;
    ++at_;
    while (true) {
      skipSpace();
      if (at_ >= text_.size() || text_[at_] != '"')
        return false;
      std::string name = readString();
      skipSpace();
      if (at_ < text_.size() && text_[at_] == ':')
        ++at_;
      skipSpace();
      if (name == key)
        return true;
      skipValue();
      skipSpace();
      if (at_ >= text_.size() || text_[at_] != ',')
        return false;
      ++at_;
    }
  }
  /// Moves into element `index` of the array here; false when absent.
  bool element(size_t index) {
    skipSpace();
    if (at_ >= text_.size() || text_[at_] != '[')
      return false;
    ++at_;
    for (size_t i = 0; i < index; ++i) {
      skipValue();
      skipSpace();
      if (at_ >= text_.size() || text_[at_] != ',')
        return false;
      ++at_;
    }
    skipSpace();
    return true;
  }
  size_t at() const { return at_; }

private:
  void skipString() {
    ++at_;
    while (at_ < text_.size() && text_[at_] != '"')
      at_ += text_[at_] == '\\' ? 2 : 1;
    ++at_;
  }
  std::string_view text_;
  size_t at_ = 0;
};

} // namespace

std::optional<JsonFile> loadJson(const std::string &path, SourceManager &sources,
                                 diag::Engine &diags) {
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (!buffer) {
    diags.report(diag::Code::ImportMalformedInput, SourceRange{}, path,
                 buffer.getError().message());
    return std::nullopt;
  }
  JsonFile result;
  result.path = path;
  result.file = sources.addFile(path, path, (*buffer)->getBuffer().str());
  std::string_view text = sources.text(result.file);
  PositionedSax sax(result.value);
  bool ok =
      json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
  if (!ok || sax.failed) {
    uint32_t at = static_cast<uint32_t>(std::min(sax.offset, text.size()));
    uint32_t end = at < text.size() ? at + 1 : at;
    diags.report(diag::Code::ImportMalformedInput, SourceRange{result.file, at, end}, path,
                 sax.failed ? reason(sax.message) : "not a JSON document");
    return std::nullopt;
  }
  return result;
}

SourceRange locate(const SourceManager &sources, FileId file, std::string_view pointer) {
  std::string_view text = sources.text(file);
  Scanner scanner(text);
  SourceRange whole{file, 0, text.empty() ? 0u : 1u};
  std::vector<std::string> tokens;
  size_t from = pointer.empty() ? std::string_view::npos : 1;
  while (from != std::string_view::npos) {
    size_t slash = pointer.find('/', from);
    std::string token(pointer.substr(from, slash == std::string_view::npos ? slash : slash - from));
    for (size_t i; (i = token.find("~1")) != std::string::npos;)
      token.replace(i, 2, "/");
    for (size_t i; (i = token.find("~0")) != std::string::npos;)
      token.replace(i, 2, "~");
    tokens.push_back(token);
    from = slash == std::string_view::npos ? slash : slash + 1;
  }
  for (const std::string &token : tokens) {
    scanner.skipSpace();
    bool moved = false;
    if (scanner.at() < text.size() && text[scanner.at()] == '[') {
      bool digits = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      moved = digits && scanner.element(std::stoul(token));
    } else {
      moved = scanner.member(token);
    }
    if (!moved)
      return whole;
  }
  scanner.skipSpace();
  size_t begin = scanner.at();
  scanner.skipValue();
  size_t end = scanner.at();
  if (begin >= text.size())
    return whole;
  // A long object or array is marked by its first line only.
  size_t newline = text.find('\n', begin);
  if (newline != std::string_view::npos && newline < end)
    end = newline;
  return {file, static_cast<uint32_t>(begin), static_cast<uint32_t>(std::max(end, begin + 1))};
}

} // namespace mac::importer
