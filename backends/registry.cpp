// The backend registry, generated from backends.def.
#include "backends/backend.h"

#include <vector>

namespace mac::backend {

#define BACKEND(SUFFIX) std::unique_ptr<Backend> create##SUFFIX##Backend();
#include "backends/backends.def"
#undef BACKEND

std::span<const std::unique_ptr<Backend>> allBackends() {
  static const std::vector<std::unique_ptr<Backend>> backends = [] {
    std::vector<std::unique_ptr<Backend>> list;
#define BACKEND(SUFFIX) list.push_back(create##SUFFIX##Backend());
#include "backends/backends.def"
#undef BACKEND
    return list;
  }();
  return backends;
}

const Backend *findBackend(std::string_view name) {
  for (const std::unique_ptr<Backend> &backend : allBackends())
    if (backend->name() == name)
      return backend.get();
  return nullptr;
}

} // namespace mac::backend
