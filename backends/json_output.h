// Writing JSON output files: nlohmann::json objects keep their keys sorted,
// and every file is pretty-printed with two spaces and ends in a newline,
// so identical input gives byte-identical files.
//
// prettyJson gives exactly the bytes of nlohmann's `dump(2)`, written by a
// serializer of our own: nlohmann's decodes and re-encodes every string one
// code point at a time and was 37 % of a build's instructions. Only numbers
// with a fraction (rare in payloads) and strings that are not valid UTF-8
// (never produced: sources are validated) are handed to nlohmann itself, so
// its formatting and its error stay the reference. The equality is a test
// (test/unit/json_output_test.cpp).
#pragma once

#include "backends/output_sink.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mac::backend {

/// `json.dump(2)`, byte for byte.
std::string prettyJson(const nlohmann::json &json);

inline void writeJson(OutputSink &out, std::string_view path, const nlohmann::json &json) {
  std::string text = prettyJson(json);
  text += '\n';
  out.write(path, std::move(text));
}

} // namespace mac::backend
