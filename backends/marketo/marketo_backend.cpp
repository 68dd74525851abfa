// The Marketo backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class MarketoBackend final : public Backend {
public:
  MarketoBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "marketo"; }
  std::string_view platform() const override { return "Marketo"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createMarketoBackend() { return std::make_unique<MarketoBackend>(); }

} // namespace mac::backend
