// What a backend can do with each construct of the language: express it
// natively, express it as a step of the human build checklist (platforms
// without a create API), approximate it (MAC7002, with the note saying how),
// or not at all (MAC7001). Every backend declares every construct; the
// capability matrix in docs/backends/ is rendered from these declarations.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llvm {
class raw_ostream;
}

namespace mac::backend {

enum class Construct : uint8_t {
#define CONSTRUCT(ENUM, NAME, GROUP, PHRASE) ENUM,
#include "backends/constructs.def"
#undef CONSTRUCT
};
constexpr size_t kConstructCount = 0
#define CONSTRUCT(ENUM, NAME, GROUP, PHRASE) +1
#include "backends/constructs.def"
#undef CONSTRUCT
    ;

struct ConstructInfo {
  Construct construct;
  std::string_view name;   ///< "wait-event"
  std::string_view group;  ///< "steps"
  std::string_view phrase; ///< "`wait for event … timeout`", used in messages
};
const ConstructInfo &constructInfo(Construct construct);
std::optional<Construct> lookupConstruct(std::string_view name);

enum class Support : uint8_t {
  Undeclared,   ///< a backend forgot it: a unit test fails
  Native,       ///< the payload expresses it exactly
  Manual,       ///< a precise step of DEPLOY.md's build checklist expresses it
  Approximated, ///< expressed with a difference the note explains (MAC7002)
  Unsupported,  ///< cannot be expressed (MAC7001)
};
std::string_view supportName(Support support);

struct Capability {
  Support support = Support::Undeclared;
  std::string_view note; ///< how it is expressed, approximated, or why not
};

/// One backend's declared support for every construct.
class Capabilities {
public:
  Capabilities &set(Construct construct, Support support, std::string_view note = {}) {
    table_[static_cast<size_t>(construct)] = Capability{support, note};
    return *this;
  }
  /// Sets every construct not yet declared.
  Capabilities &setRemaining(Support support, std::string_view note = {});
  const Capability &of(Construct construct) const { return table_[static_cast<size_t>(construct)]; }

private:
  std::array<Capability, kConstructCount> table_{};
};

} // namespace mac::backend
