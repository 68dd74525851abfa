// The backend interface. A backend turns the checked Program into one
// platform's payloads for one environment, writing through an OutputSink and
// reporting through the BuildContext; backends never see the AST, the file
// system or the clock. Backends are listed in backends.def.
#pragma once

#include "backends/build_context.h"
#include "backends/capabilities.h"
#include "backends/output_sink.h"

#include <memory>
#include <span>
#include <string_view>

namespace mac::backend {

class Backend {
public:
  virtual ~Backend() = default;
  /// The `--target` name, as in a bundle's `targets` list ("hubspot").
  virtual std::string_view name() const = 0;
  /// The platform's product name ("HubSpot").
  virtual std::string_view platform() const = 0;
  /// What the backend does with each construct (drives MAC7001/MAC7002 and
  /// the capability matrix).
  virtual const Capabilities &capabilities() const = 0;
  /// Writes the target's files (relative to `OUT/<target>/`). Called only
  /// when no construct of the bundle is unsupported on this target. Reports
  /// MAC7003 (through ctx.platformId) and any approximation it decides case by
  /// case; returns false if it could not produce a complete output.
  virtual bool emit(BuildContext &ctx, OutputSink &out) const = 0;
};

/// Every backend, in backends.def order.
std::span<const std::unique_ptr<Backend>> allBackends();
/// The backend called `name`, or null.
const Backend *findBackend(std::string_view name);

} // namespace mac::backend
