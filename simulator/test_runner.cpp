// `test` blocks in the simulator (test_runner.h).
#include "simulator/test_runner.h"

#include "simulator/conditions.h"
#include "simulator/describe.h"
#include "simulator/engine.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace mac::sim {

namespace {

/// Midnight, 1 January 2026, when a test has no event to start the clock.
constexpr std::string_view kDefaultStart = "2026-01-01T00:00";

/// A time window of an expectation, [from, to).
struct Window {
  Instant from = INT64_MIN, to = INT64_MAX;
  std::string words; ///< " within 1m", " at 2026-03-05 08:00", ""
};

class TestRun {
public:
  TestRun(const sema::Program &program, const sema::Test &test, std::string env,
          const TestRunOptions &options, diag::Engine &diags)
      : program_(program), test_(test), options_(options), diags_(diags), bundle_(program, env),
        population_(program.flows.size()), simulator_(bundle_, population_) {}

  bool run();

private:
  Instant local(const std::string &text) {
    auto parsed = parseLocalTime(text);
    return parsed ? zones().fromLocal(contact_.timezone, *parsed) : 0;
  }
  TimeZones &zones() { return simulator_.timeZones(); }
  Window window(const sema::TestExpectation &expect);
  std::optional<std::string> check(const sema::TestExpectation &expect);
  std::string whenSent(sema::AssetRef message);
  std::string conditionFacts(sema::CondId cond);
  void fail(SourceRange range, const std::string &detail);
  void reportLoop(const LoopReport &loop);
  void addTrace(diag::Diagnostic &diagnostic);

  const sema::Program &program_;
  const sema::Test &test_;
  const TestRunOptions &options_;
  diag::Engine &diags_;
  PreparedBundle bundle_;
  Population population_;
  Simulator simulator_;
  Contact contact_;
  Outcome outcome_;
  std::vector<ExternalEvent> events_;
};

bool TestRun::run() {
  contact_.reset(program_);
  contact_.identity = 1;
  for (const auto &[field, value] : test_.contact)
    contact_.fields[field.value] = Value::of(value);
  for (sema::TagId tag : test_.tags)
    contact_.tags[tag.value] = true;
  for (sema::ListId list : test_.lists)
    contact_.lists[list.value] = true;
  contact_.timezone = test_.timezone.empty() ? "UTC" : test_.timezone;

  for (const sema::TestEvent &event : test_.events)
    events_.push_back({local(event.at), event.trigger});
  RunOptions run;
  run.trace = true;
  run.start = local(std::string(kDefaultStart));
  if (!events_.empty())
    run.start = std::min_element(events_.begin(), events_.end(), [](auto &a, auto &b) {
                  return a.at < b.at;
                })->at;
  run.end = run.start + test_.horizonSeconds;
  simulator_.run(contact_, events_, run, outcome_);
  if (!zones().isKnown(contact_.timezone))
    outcome_.trace.insert(outcome_.trace.begin(),
                          {run.start, fmt::format("unknown time zone \"{}\": the contact's clock "
                                                  "is UTC",
                                                  contact_.timezone)});

  size_t before = diags_.diagnostics().size();
  if (outcome_.loop) {
    reportLoop(*outcome_.loop);
    return false;
  }
  for (const sema::TestExpectation &expect : test_.expectations)
    if (auto detail = check(expect))
      fail(expect.range, *detail);
  return diags_.diagnostics().size() == before;
}

Window TestRun::window(const sema::TestExpectation &expect) {
  Window out;
  switch (expect.timing) {
  case ast::TimingKind::None:
    break;
  case ast::TimingKind::Within:
    out.from = outcome_.start;
    out.to = outcome_.start + expect.withinSeconds + 1;
    out.words = " within " + formatDuration(expect.withinSeconds) + " of the first event";
    break;
  case ast::TimingKind::At:
    out.from = local(expect.at);
    out.to = out.from + 60;
    out.words = " at " + zones().format(contact_.timezone, out.from);
    break;
  case ast::TimingKind::Between:
    out.from = local(expect.at);
    out.to = local(expect.until) + 60;
    out.words = fmt::format(" between {} and {}", zones().format(contact_.timezone, out.from),
                            zones().format(contact_.timezone, out.to - 60));
    break;
  }
  return out;
}

std::string TestRun::whenSent(sema::AssetRef message) {
  std::vector<std::string> parts;
  for (const SendRecord &send : outcome_.sends)
    if (send.message == message)
      parts.push_back("sent at " + zones().format(contact_.timezone, send.at));
  for (const BlockRecord &block : outcome_.blocks)
    if (block.message == message)
      parts.push_back(fmt::format("blocked at {} ({})", zones().format(contact_.timezone, block.at),
                                  reasonName(block.reason)));
  for (const HoldRecord &hold : outcome_.holds)
    if (hold.message == message)
      parts.push_back(
          fmt::format("held at {} ({}) until {}", zones().format(contact_.timezone, hold.at),
                      reasonName(hold.reason), zones().format(contact_.timezone, hold.until)));
  if (parts.empty())
    return "; no step reached it";
  std::string text = "; it was ";
  for (size_t i = 0; i < parts.size(); ++i)
    text += (i ? ", " : "") + parts[i];
  return text;
}

std::string TestRun::conditionFacts(sema::CondId root) {
  std::set<std::string> facts;
  std::vector<sema::CondId> stack{root};
  while (!stack.empty()) {
    sema::CondId id = stack.back();
    stack.pop_back();
    if (!id.isValid())
      continue;
    const sema::Cond &cond = program_.cond(id);
    stack.insert(stack.end(), cond.children.begin(), cond.children.end());
    if (cond.field && cond.kind != sema::CondKind::Consent)
      facts.insert(program_.field(cond.field).name + " = " + contact_.field(cond.field).display());
    if (cond.kind == sema::CondKind::HasTag && cond.tag)
      facts.insert(fmt::format("{} tag `{}`", contact_.hasTag(cond.tag) ? "has" : "lacks",
                               program_.tags[cond.tag.value].name));
    if (cond.kind == sema::CondKind::InList && cond.list)
      facts.insert(fmt::format("{} list `{}`", contact_.inList(cond.list) ? "in" : "not in",
                               program_.lists[cond.list.value].name));
    if (cond.kind == sema::CondKind::Consent)
      facts.insert(fmt::format("{} consent", sema::channelName(cond.channel)) +
                   (contact_.hasConsent(program_, cond.channel) ? " given" : " missing"));
  }
  std::string text;
  for (const std::string &fact : facts)
    text += (text.empty() ? "" : ", ") + fact;
  return text;
}

std::optional<std::string> TestRun::check(const sema::TestExpectation &expect) {
  Window in = window(expect);
  auto inWindow = [&](Instant at) { return at >= in.from && at < in.to; };
  switch (expect.kind) {
  case ast::ExpectKind::Sent: {
    if (!expect.target.isValid())
      return std::nullopt;
    std::string name = program_.declared(expect.target).name;
    bool sent = std::any_of(outcome_.sends.begin(), outcome_.sends.end(), [&](const auto &s) {
      return s.message == expect.target && inWindow(s.at);
    });
    if (sent == !expect.negated)
      return std::nullopt;
    return fmt::format("`{}` was {}sent{}{}", name, sent ? "" : "not ", in.words,
                       whenSent(expect.target));
  }
  case ast::ExpectKind::Called: {
    if (!expect.target.isValid())
      return std::nullopt;
    sema::WebhookId webhook{expect.target.index};
    std::vector<std::string> times;
    bool called = false;
    for (const CallRecord &call : outcome_.calls)
      if (call.webhook == webhook) {
        times.push_back(zones().format(contact_.timezone, call.at));
        called = called || inWindow(call.at);
      }
    if (called == !expect.negated)
      return std::nullopt;
    std::string detail =
        fmt::format("webhook `{}` was {}called{}", program_.webhooks[webhook.value].name,
                    called ? "" : "not ", in.words);
    if (!times.empty())
      detail += "; it was called at " + fmt::format("{}", fmt::join(times, ", "));
    return detail;
  }
  case ast::ExpectKind::Enrolled: {
    if (!expect.target.isValid())
      return std::nullopt;
    sema::FlowId flow{expect.target.index};
    bool enrolled = outcome_.enrolled(flow);
    if (enrolled == !expect.negated)
      return std::nullopt;
    std::string detail =
        fmt::format("the contact {} flow `{}`", enrolled ? "entered" : "never entered",
                    program_.flows[flow.value].name);
    for (const SkipRecord &skip : outcome_.skips)
      if (skip.flow == flow) {
        detail += fmt::format(" (not enrolled: {})", skipReasonName(skip.reason));
        break;
      }
    return detail;
  }
  case ast::ExpectKind::Condition: {
    if (!expect.condition.isValid())
      return std::nullopt;
    if (evaluate(bundle_, contact_, expect.condition))
      return std::nullopt;
    std::string facts = conditionFacts(expect.condition);
    return "the condition does not hold at the end of the run" +
           (facts.empty() ? std::string() : "; " + facts);
  }
  }
  return std::nullopt;
}

void TestRun::addTrace(diag::Diagnostic &diagnostic) {
  const auto &trace = outcome_.trace;
  size_t shown = std::min(trace.size(), options_.maxTraceNotes);
  diagnostic.notes.push_back({fmt::format("trace of test `{}` in env {} ({}):", test_.name,
                                          bundle_.environment().name, contact_.timezone),
                              {}});
  for (size_t i = 0; i < shown; ++i)
    diagnostic.notes.push_back(
        {zones().format(contact_.timezone, trace[i].at) + "  " + trace[i].text, {}});
  if (shown < trace.size())
    diagnostic.notes.push_back({fmt::format("… {} more trace entries", trace.size() - shown), {}});
}

void TestRun::fail(SourceRange range, const std::string &detail) {
  diag::Diagnostic &diagnostic = diags_.report(diag::Code::TestFailed, range, test_.name, detail);
  addTrace(diagnostic);
}

void TestRun::reportLoop(const LoopReport &loop) {
  std::string cycle;
  SourceRange range = test_.nameRange;
  if (!loop.cycle.empty()) {
    for (const LoopEdge &edge : loop.cycle)
      cycle += (cycle.empty() ? "`" + program_.flows[edge.from.value].name + "`" : "") + " → `" +
               program_.flows[edge.flow.value].name + "`";
    const LoopEdge &first = loop.cycle.front();
    range = program_.flows[first.flow.value].triggers[first.trigger].range;
    cycle = "flows " + cycle;
  } else {
    cycle = "flow `" + program_.flows[loop.flow.value].name + "`";
  }
  diag::Diagnostic &diagnostic = diags_.report(diag::Code::RuntimeLoop, range, cycle, loop.cap);
  if (loop.stepCap)
    diagnostic.message += fmt::format(" (more than {} steps at {})", loop.cap,
                                      zones().format(contact_.timezone, loop.at));
  for (const LoopEdge &edge : loop.cycle) {
    const sema::Flow &to = program_.flows[edge.flow.value];
    const sema::Trigger &trigger = to.triggers[edge.trigger];
    if (edge.stmt)
      diagnostic.notes.push_back({fmt::format("`{}` fires {} here, which starts `{}`",
                                              program_.flows[edge.from.value].name,
                                              describeTrigger(program_, trigger), to.name),
                                  program_.stmt(edge.stmt).range});
    diagnostic.notes.push_back(
        {fmt::format("`{}` starts on {}", to.name, describeTrigger(program_, trigger)),
         trigger.range});
  }
  diagnostic.notes.push_back({fmt::format("in test `{}`; the contact stopped at {}", test_.name,
                                          zones().format(contact_.timezone, loop.at)),
                              test_.nameRange});
  // The beginning of the trace shows how the loop started.
  size_t keep = std::min<size_t>(options_.maxTraceNotes, 20);
  const auto &trace = outcome_.trace;
  diagnostic.notes.push_back({"trace (first entries):", {}});
  for (size_t i = 0; i < std::min(trace.size(), keep); ++i)
    diagnostic.notes.push_back(
        {zones().format(contact_.timezone, trace[i].at) + "  " + trace[i].text, {}});
}

} // namespace

bool runTest(const sema::Program &program, sema::TestId id, const TestRunOptions &options,
             diag::Engine &diags) {
  const sema::Test &test = program.tests[id.value];
  std::string env = test.env ? program.envs[test.env.value].name : options.defaultEnv;
  TestRun run(program, test, env, options, diags);
  return run.run();
}

} // namespace mac::sim
