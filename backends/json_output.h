// Writing JSON output files: nlohmann::json objects keep their keys sorted,
// and every file is pretty-printed with two spaces and ends in a newline,
// so identical input gives byte-identical files.
#pragma once

#include "backends/output_sink.h"

#include <nlohmann/json.hpp>

namespace mac::backend {

inline void writeJson(OutputSink &out, std::string_view path, const nlohmann::json &json) {
  out.write(path, json.dump(2) + "\n");
}

} // namespace mac::backend
