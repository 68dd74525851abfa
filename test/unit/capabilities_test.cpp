// Every backend declares what it does with every construct of the language
// (constructs.def), and notes say how for everything that is not native.
#include "backends/backend.h"

#include <gtest/gtest.h>

namespace mac::backend {
namespace {

TEST(Capabilities, EveryBackendDeclaresEveryConstruct) {
  ASSERT_EQ(allBackends().size(), 6u);
  for (const auto &backend : allBackends())
    for (size_t i = 0; i < kConstructCount; ++i) {
      Construct construct = static_cast<Construct>(i);
      const Capability &capability = backend->capabilities().of(construct);
      EXPECT_NE(capability.support, Support::Undeclared)
          << backend->name() << " does not declare " << constructInfo(construct).name;
      if (capability.support == Support::Approximated || capability.support == Support::Unsupported)
        EXPECT_FALSE(capability.note.empty())
            << backend->name() << ": " << constructInfo(construct).name << " needs a note";
    }
}

TEST(Capabilities, BackendsAreFoundByTheirTargetName) {
  for (const auto &backend : allBackends())
    EXPECT_EQ(findBackend(backend->name()), backend.get());
  EXPECT_EQ(findBackend("mailchimp"), nullptr);
}

TEST(Capabilities, ConstructNamesRoundTrip) {
  for (size_t i = 0; i < kConstructCount; ++i) {
    Construct construct = static_cast<Construct>(i);
    EXPECT_EQ(lookupConstruct(constructInfo(construct).name), construct);
  }
}

} // namespace
} // namespace mac::backend
