// The simulator's agenda (event_queue.h): a binary heap keyed by time, then
// by the order of scheduling.
#include "simulator/event_queue.h"

namespace mac::sim {

void EventQueue::push(Work work) {
  work.sequence = next_++;
  heap_.push(work);
}

Work EventQueue::pop() {
  Work work = heap_.top();
  heap_.pop();
  return work;
}

void EventQueue::clear() {
  heap_ = {};
  next_ = 0;
}

} // namespace mac::sim
