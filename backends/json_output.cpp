// prettyJson: nlohmann's `dump(2)` layout (see json_output.h). Strings are
// copied in runs between the bytes that need an escape; everything else
// follows nlohmann's serializer rule for rule: `{}`/`[]` when empty, one
// member per line, `": "` after a key, lowercase `\u00xx` for the other
// control characters, integers in decimal.
#include "backends/json_output.h"

#include <llvm/Support/ConvertUTF.h>

#include <charconv>

namespace mac::backend {

namespace {

using Json = nlohmann::json;

class PrettyWriter {
public:
  explicit PrettyWriter(std::string &out) : out_(out) {}

  void value(const Json &json, unsigned indent) {
    switch (json.type()) {
    case Json::value_t::object:
      object(json, indent);
      return;
    case Json::value_t::array:
      array(json, indent);
      return;
    case Json::value_t::string:
      string(json.get_ref<const Json::string_t &>());
      return;
    case Json::value_t::boolean:
      out_ += json.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::number_integer:
      integer(json.get<Json::number_integer_t>());
      return;
    case Json::value_t::number_unsigned:
      integer(json.get<Json::number_unsigned_t>());
      return;
    case Json::value_t::null:
      out_ += "null";
      return;
    default: // floats, binary, discarded: nlohmann's own formatting
      out_ += json.dump(2, ' ', false, Json::error_handler_t::strict);
      return;
    }
  }

private:
  void object(const Json &json, unsigned indent) {
    if (json.empty()) {
      out_ += "{}";
      return;
    }
    out_ += "{\n";
    unsigned inner = indent + 2;
    bool first = true;
    for (auto it = json.begin(); it != json.end(); ++it) {
      if (!first)
        out_ += ",\n";
      first = false;
      out_.append(inner, ' ');
      string(it.key());
      out_ += ": ";
      value(it.value(), inner);
    }
    out_ += '\n';
    out_.append(indent, ' ');
    out_ += '}';
  }

  void array(const Json &json, unsigned indent) {
    if (json.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[\n";
    unsigned inner = indent + 2;
    bool first = true;
    for (const Json &element : json) {
      if (!first)
        out_ += ",\n";
      first = false;
      out_.append(inner, ' ');
      value(element, inner);
    }
    out_ += '\n';
    out_.append(indent, ' ');
    out_ += ']';
  }

  void string(const std::string &text) {
    out_ += '"';
    size_t run = 0;
    unsigned char high = 0; // any byte >= 0x80: the text must be checked as UTF-8
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      high |= c;
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      out_.append(text, run, i - run);
      run = i + 1;
      switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_.append(escape, sizeof escape);
      }
      }
    }
    out_.append(text, run, std::string::npos);
    out_ += '"';
    if (high & 0x80) {
      const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
      if (!llvm::isLegalUTF8String(&begin, begin + text.size()))
        (void)Json(text).dump(); // throws type_error 316, as dump(2) would
    }
  }

  template <class Integer> void integer(Integer number) {
    char buffer[24];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
    out_.append(buffer, end);
  }

  std::string &out_;
};

} // namespace

std::string prettyJson(const nlohmann::json &json) {
  std::string out;
  PrettyWriter(out).value(json, 0);
  return out;
}

} // namespace mac::backend
