// What one contact's run produced: enrolments, sends, webhook calls, owner
// and notify steps (recorded, never performed), held and blocked sends with
// their reason, skipped enrolments, a runtime loop if the step cap stopped
// the contact, and (on request) a human-readable trace. A caller streaming
// many contacts reuses one Outcome: clear() keeps the capacity.
#pragma once

#include "compiler/sema/program.h"
#include "simulator/time_zone.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::sim {

/// Why a send was held or blocked, or an enrolment held.
enum class Reason : uint8_t { NoConsent, Suppression, QuietHours, SafeMode, Throttle };
/// "no consent", "suppression", "quiet hours", "safe mode", "throttle".
std::string_view reasonName(Reason reason);

/// Why a fired trigger did not enrol the contact.
enum class SkipReason : uint8_t { AlreadyEnrolled, Reenrolment, Requirement, Duplicate };
std::string_view skipReasonName(SkipReason reason);

struct EnrolRecord {
  Instant at = 0;
  sema::FlowId flow;
  uint32_t trigger = 0; ///< index into the flow's triggers
};
struct SkipRecord {
  Instant at = 0;
  sema::FlowId flow;
  SkipReason reason = SkipReason::AlreadyEnrolled;
};
struct SendRecord {
  Instant at = 0;
  sema::FlowId flow;
  sema::StmtId stmt;
  sema::AssetRef message; ///< the template
  sema::Channel channel = sema::Channel::Email;
};
struct CallRecord {
  Instant at = 0;
  sema::FlowId flow;
  sema::StmtId stmt;
  sema::WebhookId webhook;
};
/// `assign owner …` and `notify …` steps.
struct NoticeRecord {
  Instant at = 0;
  sema::FlowId flow;
  sema::StmtId stmt;
};
/// A send (or, with an invalid stmt, an enrolment) held until `until`.
struct HoldRecord {
  Instant at = 0, until = 0;
  sema::FlowId flow;
  sema::StmtId stmt;
  sema::AssetRef message;
  Reason reason = Reason::QuietHours;
};
/// A send that did not happen.
struct BlockRecord {
  Instant at = 0;
  sema::FlowId flow;
  sema::StmtId stmt;
  sema::AssetRef message;
  Reason reason = Reason::NoConsent;
};

/// One step of a runtime cycle: `from`'s statement `stmt` fired trigger
/// `trigger` of `flow`.
struct LoopEdge {
  sema::FlowId flow;
  uint32_t trigger = 0;
  sema::FlowId from;
  sema::StmtId stmt;
};
struct LoopReport {
  Instant at = 0;
  std::vector<LoopEdge> cycle; ///< empty when the entries came from outside
  sema::FlowId flow;           ///< the flow whose entry passed the cap
  uint32_t cap = 0;
  bool stepCap = false; ///< the per-instant step cap, not the entry cap
};

struct TraceEntry {
  Instant at = 0;
  std::string text;
};

struct Outcome {
  std::vector<EnrolRecord> enrolments;
  std::vector<SkipRecord> skips;
  std::vector<SendRecord> sends;
  std::vector<CallRecord> calls;
  std::vector<NoticeRecord> notices;
  std::vector<HoldRecord> holds;
  std::vector<BlockRecord> blocks;
  std::optional<LoopReport> loop;
  std::vector<TraceEntry> trace; ///< only with RunOptions::trace
  Instant start = 0, end = 0;    ///< the simulated interval

  void clear();
  bool enrolled(sema::FlowId flow) const;
};

} // namespace mac::sim
