// Reading a bindings file (see bindings.h). nlohmann is used non-throwing;
// an id may be a string or an integer (HubSpot and Marketo ids are numbers).
#include "backends/bindings.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

namespace mac::backend {

namespace {

/// The range of the first occurrence of `"key"` in the file, else its start.
SourceRange locate(const SourceManager &sources, FileId file, std::string_view key) {
  std::string_view text = sources.text(file);
  if (!key.empty()) {
    std::string quoted = "\"" + std::string(key) + "\"";
    size_t at = text.find(quoted);
    if (at != std::string_view::npos)
      return {file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + quoted.size())};
  }
  return {file, 0, text.empty() ? 0u : 1u};
}

} // namespace

Bindings Bindings::load(const std::string &root, std::string_view target, std::string_view env,
                        SourceManager &sources, diag::Engine &diags) {
  Bindings bindings;
  std::string relative = "bindings/" + std::string(target) + "." + std::string(env) + ".json";
  llvm::SmallString<256> real(root);
  llvm::sys::path::append(real, "bindings", std::string(target) + "." + std::string(env) + ".json");
  if (!llvm::sys::fs::exists(real))
    return bindings;
  auto buffer = llvm::MemoryBuffer::getFile(real);
  if (!buffer) {
    diags.report(diag::Code::InvalidBindings, SourceRange{}, relative, buffer.getError().message());
    return bindings;
  }
  bindings.path_ = relative;
  bindings.file_ = sources.addFile(relative, std::string(real), (*buffer)->getBuffer().str());
  std::string_view text = sources.text(bindings.file_);

  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    diags.report(diag::Code::InvalidBindings, locate(sources, bindings.file_, {}), relative,
                 "expected a JSON object of asset kinds");
    return bindings;
  }
  for (const auto &[kind, ids] : json.items()) {
    if (!ids.is_object()) {
      diags.report(diag::Code::InvalidBindings, locate(sources, bindings.file_, kind), relative,
                   "`" + kind + "` must map identifiers to ids");
      continue;
    }
    for (const auto &[name, id] : ids.items()) {
      if (id.is_string())
        bindings.ids_[kind][name] = id.get<std::string>();
      else if (id.is_number_integer())
        bindings.ids_[kind][name] = std::to_string(id.get<int64_t>());
      else
        diags.report(diag::Code::InvalidBindings, locate(sources, bindings.file_, name), relative,
                     "the id of `" + name + "` must be a string or an integer");
    }
  }
  return bindings;
}

std::optional<std::string> Bindings::find(std::string_view kind, std::string_view name) const {
  auto ofKind = ids_.find(kind);
  if (ofKind == ids_.end())
    return std::nullopt;
  auto id = ofKind->second.find(name);
  if (id == ofKind->second.end())
    return std::nullopt;
  return id->second;
}

} // namespace mac::backend
