// The construct registry (constructs.def) and Capabilities helpers.
#include "backends/capabilities.h"

namespace mac::backend {

namespace {
constexpr ConstructInfo kConstructs[] = {
#define CONSTRUCT(ENUM, NAME, GROUP, PHRASE) {Construct::ENUM, NAME, GROUP, PHRASE},
#include "backends/constructs.def"
#undef CONSTRUCT
};
} // namespace

const ConstructInfo &constructInfo(Construct construct) {
  return kConstructs[static_cast<size_t>(construct)];
}

std::optional<Construct> lookupConstruct(std::string_view name) {
  for (const ConstructInfo &info : kConstructs)
    if (info.name == name)
      return info.construct;
  return std::nullopt;
}

std::string_view supportName(Support support) {
  switch (support) {
  case Support::Undeclared:
    return "undeclared";
  case Support::Native:
    return "native";
  case Support::Manual:
    return "manual";
  case Support::Approximated:
    return "approximated";
  case Support::Unsupported:
    return "unsupported";
  }
  return "undeclared";
}

Capabilities &Capabilities::setRemaining(Support support, std::string_view note) {
  for (Capability &capability : table_)
    if (capability.support == Support::Undeclared)
      capability = Capability{support, note};
  return *this;
}

} // namespace mac::backend
