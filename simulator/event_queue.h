// The simulator's agenda: work items ordered by (time, sequence). Items due
// at the same instant run in the order they were scheduled, so a cascade
// (a step firing another flow's trigger) runs after everything already due
// at that instant, deterministically.
#pragma once

#include "simulator/time_zone.h"

#include <cstdint>
#include <queue>
#include <vector>

namespace mac::sim {

/// What a work item does when it comes due.
enum class WorkKind : uint8_t {
  External, ///< the caller's event number `index`
  Enrol,    ///< try to enrol in flow `flow` (a trigger fired); `index`: the cause
  Resume,   ///< continue enrolment `index` if its `token` still matches
  Schedule, ///< a `on schedule daily at` tick of flow `flow`
};

struct Work {
  Instant time = 0;
  uint64_t sequence = 0;
  WorkKind kind = WorkKind::External;
  uint32_t flow = 0;
  uint32_t index = 0;
  uint32_t token = 0;
};

class EventQueue {
public:
  /// Schedules `work` at `work.time` after everything already scheduled then.
  void push(Work work);
  bool empty() const { return heap_.empty(); }
  const Work &top() const { return heap_.top(); }
  Work pop();
  void clear();

private:
  struct Later {
    bool operator()(const Work &a, const Work &b) const {
      return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
    }
  };
  std::priority_queue<Work, std::vector<Work>, Later> heap_;
  uint64_t next_ = 0;
};

} // namespace mac::sim
