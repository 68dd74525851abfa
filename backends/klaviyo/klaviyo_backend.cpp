// The Klaviyo backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class KlaviyoBackend final : public Backend {
public:
  KlaviyoBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "klaviyo"; }
  std::string_view platform() const override { return "Klaviyo"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createKlaviyoBackend() { return std::make_unique<KlaviyoBackend>(); }

} // namespace mac::backend
