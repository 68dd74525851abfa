// The Salesforce Marketing Cloud backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class SfmcBackend final : public Backend {
public:
  SfmcBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "sfmc"; }
  std::string_view platform() const override { return "Salesforce Marketing Cloud"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createSfmcBackend() { return std::make_unique<SfmcBackend>(); }

} // namespace mac::backend
