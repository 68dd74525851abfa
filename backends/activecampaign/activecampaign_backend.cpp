// The ActiveCampaign backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class ActiveCampaignBackend final : public Backend {
public:
  ActiveCampaignBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "activecampaign"; }
  std::string_view platform() const override { return "ActiveCampaign"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createActiveCampaignBackend() { return std::make_unique<ActiveCampaignBackend>(); }

} // namespace mac::backend
