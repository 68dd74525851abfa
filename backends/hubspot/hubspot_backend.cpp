// The HubSpot backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class HubspotBackend final : public Backend {
public:
  HubspotBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "hubspot"; }
  std::string_view platform() const override { return "HubSpot"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createHubspotBackend() { return std::make_unique<HubspotBackend>(); }

} // namespace mac::backend
