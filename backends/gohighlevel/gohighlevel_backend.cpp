// The GoHighLevel backend (skeleton: being written).
#include "backends/backend.h"

namespace mac::backend {

namespace {

class GoHighLevelBackend final : public Backend {
public:
  GoHighLevelBackend() { capabilities_.setRemaining(Support::Unsupported, "not implemented yet"); }
  std::string_view name() const override { return "gohighlevel"; }
  std::string_view platform() const override { return "GoHighLevel"; }
  const Capabilities &capabilities() const override { return capabilities_; }
  bool emit(BuildContext &ctx, OutputSink &out) const override { return false; }

private:
  Capabilities capabilities_;
};

} // namespace

std::unique_ptr<Backend> createGoHighLevelBackend() { return std::make_unique<GoHighLevelBackend>(); }

} // namespace mac::backend
