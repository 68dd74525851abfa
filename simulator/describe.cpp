// Words for traces and diagnostics (describe.h).
#include "simulator/describe.h"

#include "simulator/value.h"

#include <fmt/format.h>

namespace mac::sim {

std::string describeTrigger(const sema::Program &program, const sema::Trigger &trigger) {
  switch (trigger.kind) {
  case sema::TriggerKind::FormSubmitted:
    return fmt::format("form_submitted \"{}\"", trigger.text);
  case sema::TriggerKind::Event:
    return fmt::format("event \"{}\"", trigger.text);
  case sema::TriggerKind::TagAdded:
    return "tag_added " + (trigger.tag ? program.tags[trigger.tag.value].name : "?");
  case sema::TriggerKind::ListJoined:
    return "list_joined " + (trigger.list ? program.lists[trigger.list.value].name : "?");
  case sema::TriggerKind::FieldChanged: {
    std::string text = "field_changed " + (trigger.field ? program.field(trigger.field).name : "?");
    if (trigger.value)
      text += " to " + Value::of(*trigger.value).display();
    return text;
  }
  case sema::TriggerKind::Schedule: {
    int64_t minutes = trigger.value ? trigger.value->seconds : 0;
    return fmt::format("schedule daily at {:02}:{:02}", minutes / 60, minutes % 60);
  }
  }
  return "?";
}

std::string formatDuration(int64_t seconds) {
  static const std::pair<int64_t, const char *> units[] = {
      {604800, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
  if (seconds == 0)
    return "0s";
  for (const auto &[size, name] : units)
    if (seconds % size == 0)
      return fmt::format("{}{}", seconds / size, name);
  return fmt::format("{}s", seconds);
}

std::string describeMessage(const sema::Program &program, const sema::AssetRef &message) {
  if (!message.isValid())
    return "?";
  std::string_view channel = message.kind == sema::AssetKind::Sms    ? "sms"
                             : message.kind == sema::AssetKind::Push ? "push"
                                                                     : "email";
  return fmt::format("{} `{}`", channel, program.declared(message).name);
}

} // namespace mac::sim
