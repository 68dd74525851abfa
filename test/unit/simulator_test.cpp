// Unit tests of the simulator's building blocks: the ICU time-zone helper
// (offsets across daylight saving, skipped wall times, the next HH:MM), the
// event queue's (time, sequence) order, throttle windows, dedupe keys, and
// streaming several contacts through one prepared bundle (dedupe by phone
// across formatting variants, state not leaking between contacts).
#include "bundle_fixture.h"
#include "simulator/engine.h"
#include "simulator/event_queue.h"
#include "simulator/population.h"
#include "simulator/time_zone.h"

#include <gtest/gtest.h>

namespace mac::sim {
namespace {

Instant utc(std::string_view text) {
  TimeZones zones;
  return zones.fromLocal("UTC", *parseLocalTime(text));
}

TEST(SimulatorTimeZones, OffsetsFollowDaylightSaving) {
  TimeZones zones;
  // 8 March 2026, 02:00 EST → 03:00 EDT in New York.
  EXPECT_EQ(zones.toLocal("America/New_York", utc("2026-03-08T06:59")).offsetSeconds, -5 * 3600);
  EXPECT_EQ(zones.toLocal("America/New_York", utc("2026-03-08T07:00")).offsetSeconds, -4 * 3600);
  EXPECT_EQ(zones.format("America/New_York", utc("2026-03-08T12:00")), "2026-03-08 08:00-04:00");
  EXPECT_EQ(zones.format("Asia/Kolkata", utc("2026-03-08T12:00")), "2026-03-08 17:30+05:30");
  EXPECT_EQ(formatUtc(utc("2026-03-08T12:00")), "2026-03-08T12:00Z");
}

TEST(SimulatorTimeZones, LocalToInstant) {
  TimeZones zones;
  EXPECT_EQ(zones.fromLocal("America/New_York", *parseLocalTime("2026-03-08T08:00")),
            utc("2026-03-08T12:00"));
  EXPECT_EQ(zones.fromLocal("America/New_York", *parseLocalTime("2026-03-07T08:00")),
            utc("2026-03-07T13:00"));
  // 02:30 does not exist on 8 March: it counts as after the change (03:30 EDT).
  EXPECT_EQ(zones.fromLocal("America/New_York", *parseLocalTime("2026-03-08T02:30")),
            utc("2026-03-08T07:30"));
  // 01:30 happens twice on 1 November: the first one (EDT) counts.
  EXPECT_EQ(zones.fromLocal("America/New_York", *parseLocalTime("2026-11-01T01:30")),
            utc("2026-11-01T05:30"));
}

TEST(SimulatorTimeZones, NextClock) {
  TimeZones zones;
  // At 22:00 EST on 7 March, the next 08:00 is already EDT.
  EXPECT_EQ(zones.nextClock("America/New_York", utc("2026-03-08T03:00"), 8 * 60),
            utc("2026-03-08T12:00"));
  // Exactly at the time: now.
  EXPECT_EQ(zones.nextClock("Europe/Berlin", utc("2026-03-02T09:00"), 10 * 60),
            utc("2026-03-02T09:00"));
  // Just after: tomorrow.
  EXPECT_EQ(zones.nextClock("Europe/Berlin", utc("2026-03-02T09:01"), 10 * 60),
            utc("2026-03-03T09:00"));
}

TEST(SimulatorTimeZones, UnknownZonesAreUtc) {
  TimeZones zones;
  EXPECT_TRUE(zones.isKnown("America/Chicago"));
  EXPECT_FALSE(zones.isKnown("Mars/Olympus_Mons"));
  EXPECT_EQ(zones.toLocal("Mars/Olympus_Mons", utc("2026-03-02T09:00")).hour, 9);
  EXPECT_FALSE(parseLocalTime("2026-13-02T09:00"));
  EXPECT_FALSE(parseLocalTime("yesterday"));
}

TEST(SimulatorEventQueue, TimeThenSchedulingOrder) {
  EventQueue queue;
  queue.push(Work{20, 0, WorkKind::Resume, 0, 1, 0});
  queue.push(Work{10, 0, WorkKind::Enrol, 0, 2, 0});
  queue.push(Work{20, 0, WorkKind::External, 0, 3, 0});
  queue.push(Work{10, 0, WorkKind::Resume, 0, 4, 0});
  std::vector<uint32_t> order;
  while (!queue.empty())
    order.push_back(queue.pop().index);
  EXPECT_EQ(order, (std::vector<uint32_t>{2, 4, 1, 3}));
  // Items pushed while running come after everything already due then.
  queue.push(Work{5, 0, WorkKind::Enrol, 0, 7, 0});
  Work first = queue.pop();
  queue.push(Work{first.time, 0, WorkKind::Enrol, 0, 8, 0});
  queue.push(Work{first.time, 0, WorkKind::Enrol, 0, 9, 0});
  EXPECT_EQ(queue.pop().index, 8u);
  EXPECT_EQ(queue.pop().index, 9u);
}

TEST(SimulatorPopulation, ThrottleWindows) {
  Population population(1);
  sema::Rate perHour{2, 3600, {}};
  sema::FlowId flow{0};
  Instant ten = utc("2026-03-02T10:00");
  EXPECT_EQ(population.reserveEnrolment(flow, ten, std::nullopt, perHour), ten);
  EXPECT_EQ(population.reserveEnrolment(flow, ten + 60, std::nullopt, perHour), ten + 60);
  EXPECT_EQ(population.reserveEnrolment(flow, ten + 120, std::nullopt, perHour), ten + 3600);
  // The environment's rate applies on top of the flow's: the 11:00 hour has
  // room for one more, the day for two.
  sema::Rate perDay{2, 86400, {}};
  EXPECT_EQ(population.reserveEnrolment(flow, ten + 3600, perDay, perHour), ten + 3600);
  EXPECT_EQ(population.reserveEnrolment(flow, ten + 3600, perDay, perHour), ten + 7200);
  EXPECT_EQ(population.reserveEnrolment(flow, ten + 7200, perDay, perHour),
            utc("2026-03-03T00:00"));
}

TEST(SimulatorPopulation, DedupeKeys) {
  sema::Field phone;
  phone.name = "phone";
  phone.type = sema::FieldType::Phone;
  EXPECT_EQ(dedupeKey(phone, "(415) 555-0100"), "phone=+14155550100");
  EXPECT_EQ(dedupeKey(phone, "+1 415 555 0100"), "phone=+14155550100");
  EXPECT_EQ(dedupeKey(phone, "+44 20 7946 0958"), "phone=+442079460958");
  sema::Field email;
  email.name = "email";
  email.type = sema::FieldType::Email;
  EXPECT_EQ(dedupeKey(email, " Ana@Acme.COM "), "email=ana@acme.com");
  EXPECT_EQ(dedupeKey(email, ""), "");
}

TEST(Simulator, StreamsContactsWithDedupeByPhone) {
  auto analysed = test::analyse({{"bundle.flow", R"(
bundle b { version 1.0.0; }
field email: email;
field phone: phone?;
field score: number = 0;
flow intake {
  on form_submitted "Contact Us";
  dedupe by phone;
  increment score by 1;
  wait 1d;
  increment score by 10;
}
)"}});
  ASSERT_FALSE(analysed->diags.hasErrors());
  const sema::Program &program = *analysed->program;
  PreparedBundle bundle(program, "prod");
  Population population(program.flows.size());
  Simulator simulator(bundle, population);
  sema::Trigger form;
  form.kind = sema::TriggerKind::FormSubmitted;
  form.text = "Contact Us";
  Instant start = utc("2026-03-02T10:00");
  std::vector<ExternalEvent> events{{start, form}};
  RunOptions options{start, start + 2 * 86400, false, 1000, 10000};
  sema::FieldId phone{1}, score{2};

  const char *phones[] = {"(415) 555-0100", "+1 415-555-0100", "+1 415 555 0199"};
  std::vector<double> scores;
  std::vector<size_t> enrolments;
  Contact contact;
  Outcome outcome;
  for (uint64_t i = 0; i < 3; ++i) {
    contact.reset(program);
    contact.identity = i + 1;
    contact.fields[phone.value] = Value::ofText(phones[i]);
    simulator.run(contact, events, options, outcome);
    scores.push_back(contact.field(score).number);
    enrolments.push_back(outcome.enrolments.size());
    EXPECT_TRUE(outcome.trace.empty()); // no trace unless asked for
  }
  EXPECT_EQ(scores, (std::vector<double>{11, 0, 11}));
  EXPECT_EQ(enrolments, (std::vector<size_t>{1, 0, 1}));
  ASSERT_EQ(outcome.skips.size(), 0u);

  // The duplicate is reported as a skip with its reason.
  contact.reset(program);
  contact.identity = 9;
  contact.fields[phone.value] = Value::ofText("415.555.0100");
  simulator.run(contact, events, options, outcome);
  ASSERT_EQ(outcome.skips.size(), 1u);
  EXPECT_EQ(outcome.skips[0].reason, SkipReason::Duplicate);
}

} // namespace
} // namespace mac::sim
