// Names of reasons and the small helpers of a run's Outcome (outcome.h).
#include "simulator/outcome.h"

#include <algorithm>

namespace mac::sim {

std::string_view reasonName(Reason reason) {
  switch (reason) {
  case Reason::NoConsent:
    return "no consent";
  case Reason::Suppression:
    return "suppression";
  case Reason::QuietHours:
    return "quiet hours";
  case Reason::SafeMode:
    return "safe mode";
  case Reason::Throttle:
    return "throttle";
  }
  return "?";
}

std::string_view skipReasonName(SkipReason reason) {
  switch (reason) {
  case SkipReason::AlreadyEnrolled:
    return "already enrolled";
  case SkipReason::Reenrolment:
    return "re-enrolment not allowed yet";
  case SkipReason::Requirement:
    return "enrolment filter";
  case SkipReason::Duplicate:
    return "duplicate";
  }
  return "?";
}

void Outcome::clear() {
  enrolments.clear();
  skips.clear();
  sends.clear();
  calls.clear();
  notices.clear();
  holds.clear();
  blocks.clear();
  loop.reset();
  trace.clear();
  start = end = 0;
}

bool Outcome::enrolled(sema::FlowId flow) const {
  return std::any_of(enrolments.begin(), enrolments.end(),
                     [&](const EnrolRecord &r) { return r.flow == flow; });
}

} // namespace mac::sim
