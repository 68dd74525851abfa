// Unit tests of deploy/: retry waits, the credential Redactor, --endpoint
// checks, placeholders, and the plan and its resumable apply against an
// in-memory platform whose HTTP answers are scripted.
#include "deploy/apply.h"
#include "deploy/credentials.h"
#include "deploy/placeholders.h"
#include "deploy/plan.h"
#include "deploy/retry.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <deque>

using namespace mac::deploy;
using nlohmann::json;

namespace {

HttpResponse answer(long status, std::string body = "{}",
                    std::map<std::string, std::string> headers = {}) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

TEST(DeployRetry, BackoffDoublesAndRetryAfterWinsWhenLonger) {
  RetryPolicy policy{4, std::chrono::milliseconds(500), std::chrono::milliseconds(120000)};
  EXPECT_EQ(waitBefore(1, answer(500), policy)->count(), 500);
  EXPECT_EQ(waitBefore(3, answer(503), policy)->count(), 2000);
  EXPECT_EQ(waitBefore(1, answer(429, "", {{"retry-after", "7"}}), policy)->count(), 7000);
  EXPECT_EQ(waitBefore(5, answer(429, "", {{"retry-after", "1"}}), policy)->count(), 8000);
  EXPECT_FALSE(waitBefore(1, answer(429, "", {{"retry-after", "600"}}), policy));
  EXPECT_FALSE(retryAfter(answer(429, "", {{"retry-after", "Wed, 21 Oct 2015"}})));
  HttpResponse dropped;
  dropped.transportError = "reset";
  EXPECT_TRUE(isRetryable(dropped));
  EXPECT_TRUE(isRetryable(answer(429)));
  EXPECT_FALSE(isRetryable(answer(404)));
  EXPECT_FALSE(isRetryable(answer(409)));
}

TEST(DeployCredentials, RedactorMasksSecretsAndTheirUrlEncoding) {
  Redactor redact;
  redact.add("s3cr/et+token");
  redact.add("abc"); // too short to mask safely: ignored
  EXPECT_EQ(redact("Bearer s3cr/et+token and s3cr%2Fet%2Btoken; abc"), "Bearer *** and ***; abc");
}

TEST(DeployCredentials, EndpointIsHttpsOrLoopbackHttp) {
  EXPECT_EQ(*checkEndpoint("https://api.example.com/"), "https://api.example.com");
  EXPECT_EQ(*checkEndpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  for (const char *bad :
       {"http://api.example.com", "ftp://127.0.0.1", "not a url", "https://x.com/?token=1"}) {
    auto checked = checkEndpoint(bad);
    EXPECT_FALSE(checked) << bad;
    llvm::consumeError(checked.takeError());
  }
}

TEST(DeployPlaceholders, FilledFromTheStateWithNumbersInArrays) {
  DeployState state;
  state.resources["list/nurture"] = {"1004", "h", true, json::object()};
  json payload = {{"listId", "unbound:list:nurture"},
                  {"suppressionListIds", {"unbound:segment:nurture"}},
                  {"email", "unbound:email:welcome"},
                  {"de", "deploy:dataExtensionId:contacts"}};
  EXPECT_EQ(placeholdersIn(payload).size(), 4u);
  auto left = resolvePlaceholders(payload, state);
  EXPECT_EQ(payload["listId"], "1004");
  EXPECT_EQ(payload["suppressionListIds"][0], 1004);
  EXPECT_EQ(left,
            (std::vector<std::string>{"deploy:dataExtensionId:contacts", "unbound:email:welcome"}));
  EXPECT_EQ(*placeholderKey("deploy:dataExtensionId:contacts"), "data-extension/contacts");
  EXPECT_EQ(*placeholderKey("unbound:email:welcome"), "");
  EXPECT_FALSE(placeholderKey("welcome"));
}

/// Answers scripted in order; records what was asked.
class ScriptedClient final : public HttpClient {
public:
  std::deque<HttpResponse> answers;
  std::vector<std::string> asked;
  HttpResponse send(const HttpRequest &request) override {
    asked.push_back(request.method + " " + request.url);
    HttpResponse next = answers.front();
    answers.pop_front();
    return next;
  }
};

/// One POST per create, one PUT per update; a second step per flow so a
/// resume inside a resource can be seen.
class TwoStepPlatform final : public Platform {
public:
  llvm::Error connect(Session &, const std::map<std::string, std::string> &) override {
    return llvm::Error::success();
  }
  std::string defaultBaseUrl(const std::map<std::string, std::string> &) const override {
    return "https://p";
  }
  llvm::Expected<std::optional<json>> read(Session &, const Resource &,
                                           const ResourceRecord &) override {
    return std::optional<json>();
  }
  llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                       const ResourceRecord *current, Progress &progress) override {
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto created = session.call("POST", "/things", &resource.payload);
          if (!created)
            return created.takeError();
          progress.saved()["id"] = (*created)["id"];
          return llvm::Error::success();
        }))
      return error;
    if (llvm::Error error = progress.step([&]() -> llvm::Error {
          auto published = session.call("POST", "/publish");
          return published ? llvm::Error::success() : published.takeError();
        }))
      return error;
    ResourceRecord record;
    record.id = progress.saved()["id"].get<std::string>();
    return record;
  }
  llvm::Error switchOff(Session &, const std::string &, ResourceRecord &, Progress &) override {
    return llvm::Error::success();
  }
};

Resource flow(const std::string &name, const std::string &hash) {
  Resource resource;
  resource.kind = "flow";
  resource.name = name;
  resource.key = "flow/" + name;
  resource.hash = hash;
  resource.payload = {{"name", name}};
  return resource;
}

TEST(DeployApply, AFailureInsideAResourceResumesAfterItsLastStep) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("deploy-test", dir));
  std::string statePath = deployStatePath(std::string(dir), "stage", "t");
  ScriptedClient client;
  Redactor redactor;
  std::string log;
  llvm::raw_string_ostream logStream(log);
  TwoStepPlatform platform;
  DeployState state;
  state.env = "stage";
  state.target = "t";
  std::vector<Resource> resources = {flow("a", "h1")};

  // First run: the create succeeds, the publish fails (400): stop, recorded.
  client.answers = {answer(201, R"({"id": "7"})"), answer(400, R"({"message": "no"})")};
  Session first(client, {"https://p", {0, std::chrono::milliseconds(1)}, false}, redactor,
                logStream, [](std::chrono::milliseconds) {});
  auto plan = makePlan(resources, state, json(), platform, nullptr);
  ASSERT_TRUE(bool(plan));
  llvm::raw_null_ostream out;
  ApplyOutcome outcome = applyPlan(*plan, platform, first, state, statePath, out);
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.applied, 1);
  auto saved = loadDeployState(statePath, "stage", "t");
  ASSERT_TRUE(bool(saved));
  EXPECT_EQ(saved->progress["flow/a"].done, 1);
  EXPECT_EQ(saved->progress["flow/a"].saved["id"], "7");
  EXPECT_TRUE(saved->resources.empty());

  // Second run from the file: the plan says it resumes; only the publish is sent.
  client.asked.clear();
  client.answers = {answer(200)};
  Session second(client, {"https://p", {0, std::chrono::milliseconds(1)}, false}, redactor,
                 logStream, [](std::chrono::milliseconds) {});
  auto resumed = makePlan(resources, *saved, json(), platform, nullptr);
  ASSERT_TRUE(bool(resumed));
  EXPECT_TRUE(resumed->items[0].resumes);
  outcome = applyPlan(*resumed, platform, second, *saved, statePath, out);
  EXPECT_TRUE(outcome.ok()) << outcome.error;
  EXPECT_EQ(client.asked, (std::vector<std::string>{"POST https://p/publish"}));
  auto done = loadDeployState(statePath, "stage", "t");
  ASSERT_TRUE(bool(done));
  EXPECT_EQ(done->resources["flow/a"].id, "7");
  EXPECT_TRUE(done->progress.empty());

  // Third run: unchanged, nothing sent; a flow gone from the build is switched off.
  auto again = makePlan(resources, *done, json(), platform, nullptr);
  ASSERT_TRUE(bool(again));
  EXPECT_EQ(again->changes(), 0);
  auto gone = makePlan({}, *done, json(), platform, nullptr);
  ASSERT_TRUE(bool(gone));
  ASSERT_EQ(gone->items.size(), 1u);
  EXPECT_EQ(gone->items[0].action, Action::SwitchOff);
  llvm::sys::fs::remove_directories(dir);
}

TEST(DeployPlan, UnfillablePlaceholdersBlockAndBoundListsAreAdopted) {
  TwoStepPlatform platform;
  DeployState state;
  Resource list;
  list.kind = "list";
  list.name = "vip";
  list.key = "list/vip";
  list.hash = "h";
  list.payload = {{"name", "VIP"}};
  Resource sender = flow("a", "h2");
  sender.payload = {{"email", "unbound:email:welcome"}, {"list", "unbound:list:vip"}};
  json bindings = {{"segment", {{"vip", 402}}}};
  auto plan = makePlan({list, sender}, state, bindings, platform, nullptr);
  ASSERT_TRUE(bool(plan));
  EXPECT_EQ(plan->items[0].action, Action::Update);
  EXPECT_EQ(plan->items[0].platformId, "402");
  EXPECT_EQ(plan->items[1].blocked, (std::vector<std::string>{"unbound:email:welcome"}));
  EXPECT_TRUE(plan->blocked());
}

} // namespace
