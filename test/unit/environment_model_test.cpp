// Unit tests for the environment model (analyzer/environment_model.h) on
// in-memory bundles: environments and production, the URL each environment
// calls and the production URLs, flag states per environment, and which
// calls can run in which environment.
#include "analyzer/environment_model.h"

#include "compiler/sema/sema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace mac;
using namespace mac::analyzer;

namespace {

struct Analysed {
  SourceManager sources;
  diag::Engine diags;
  std::unique_ptr<sema::Program> program;
  std::unique_ptr<EnvironmentModel> model;
};

/// Analyses `text` as a one-file bundle and builds its environment model.
std::unique_ptr<Analysed> analyse(const std::string &text) {
  auto dir =
      std::filesystem::temp_directory_path() /
      ("mac-env-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bundle.flow") << text;
  auto out = std::make_unique<Analysed>();
  auto bundle = sema::loadBundle(dir.string(), out->sources, out->diags);
  EXPECT_TRUE(static_cast<bool>(bundle));
  out->program = sema::analyze(*bundle, out->sources, {}, out->diags);
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(out->diags.hasErrors());
  out->model = EnvironmentModel::build(*out->program);
  return out;
}

sema::EnvId env(const Analysed &a, std::string_view name) { return a.model->find(name)->id; }
sema::WebhookId webhook(const Analysed &a, std::string_view name) {
  return sema::WebhookId{a.program->names.find(name)->second.index};
}
sema::FlagId flag(const Analysed &a, std::string_view name) {
  return sema::FlagId{a.program->names.find(name)->second.index};
}

constexpr const char *kEnvs = R"(
bundle b { version 1.0.0; }
field email: email;
segment seeds where email ends_with "@acme.com";
env dev { prefix "DEV "; safe_mode seeds; throttle 10/min; }
env stage { }
env prod { }
env live_eu { production; }
)";

} // namespace

TEST(EnvironmentModel, EnvironmentsInDeclarationOrder) {
  auto a = analyse(kEnvs);
  const auto &envs = a->model->environments();
  ASSERT_EQ(envs.size(), 4u);
  EXPECT_EQ(envs[0].name(), "dev");
  EXPECT_FALSE(envs[0].production);
  EXPECT_EQ(a->program->declared(envs[0].safeMode()).name, "seeds");
  ASSERT_TRUE(envs[0].throttle());
  EXPECT_EQ(envs[0].throttle()->count, 10);
  EXPECT_EQ(envs[0].throttle()->perSeconds, 60);
  ASSERT_TRUE(envs[0].prefix());
  EXPECT_EQ(envs[0].prefix()->value, "DEV ");
  EXPECT_FALSE(envs[1].safeMode().isValid());
  EXPECT_FALSE(envs[1].prefix());
  EXPECT_TRUE(envs[2].production);
  EXPECT_TRUE(envs[3].production);
  EXPECT_EQ(a->model->find("live_eu"), &envs[3]);
  EXPECT_EQ(a->model->find("qa"), nullptr);
}

TEST(EnvironmentModel, EndpointsPerEnvironment) {
  auto a = analyse(std::string(kEnvs) + R"(
webhook router {
  url "https://router.acme.com/assign";
  url dev "https://router.dev.acme.test/assign";
  url live_eu "https://router.eu.acme.com/assign";
}
webhook crm { url stage "https://crm.stage.acme.test/x"; }
)");
  const EnvironmentModel &m = *a->model;
  sema::WebhookId router = webhook(*a, "router"), crm = webhook(*a, "crm");
  const Endpoint &dev = m.endpoint(env(*a, "dev"), router);
  EXPECT_EQ(dev.url->value, "https://router.dev.acme.test/assign");
  EXPECT_EQ(dev.line, env(*a, "dev"));
  EXPECT_FALSE(dev.isDefault());
  ASSERT_TRUE(dev.parts);
  EXPECT_EQ(dev.parts->host, "router.dev.acme.test");
  const Endpoint &stage = m.endpoint(env(*a, "stage"), router);
  EXPECT_TRUE(stage.isDefault());
  EXPECT_EQ(stage.url, m.defaultEndpoint(router).url);
  EXPECT_EQ(a->sources.lineColumn(stage.range().file, stage.range().begin).line, 11u);

  std::vector<const Endpoint *> production = m.productionEndpoints(router);
  ASSERT_EQ(production.size(), 2u);
  EXPECT_EQ(production[0]->url->value, "https://router.acme.com/assign");
  EXPECT_EQ(production[1]->url->value, "https://router.eu.acme.com/assign");
  EXPECT_EQ(m.productionEndpointCalledFrom(env(*a, "stage"), router), production[0]);
  EXPECT_EQ(m.productionEndpointCalledFrom(env(*a, "dev"), router), nullptr);
  EXPECT_EQ(m.productionEndpointCalledFrom(env(*a, "prod"), router), nullptr);

  EXPECT_FALSE(m.defaultEndpoint(crm).exists());
  EXPECT_FALSE(m.endpoint(env(*a, "dev"), crm).exists());
  EXPECT_TRUE(m.endpoint(env(*a, "stage"), crm).exists());
  EXPECT_TRUE(m.productionEndpoints(crm).empty());
}

TEST(EnvironmentModel, WithoutProductionEnvironmentTheDefaultIsProduction) {
  auto a = analyse(R"(
bundle b { }
env dev { }
webhook router { url "https://router.acme.com/a"; url dev "https://Router.Acme.com:443/b"; }
)");
  sema::WebhookId router = webhook(*a, "router");
  std::vector<const Endpoint *> production = a->model->productionEndpoints(router);
  ASSERT_EQ(production.size(), 1u);
  EXPECT_TRUE(production[0]->isDefault());
  EXPECT_EQ(a->model->productionEndpointCalledFrom(env(*a, "dev"), router), production[0]);
}

TEST(EnvironmentModel, FlagsPerEnvironment) {
  auto a = analyse(std::string(kEnvs) + R"(
flag routing { when email ends_with "@acme.com"; envs dev, stage; }
flag kill { off; }
flag always { on; }
flag everywhere { when email ends_with "@x.com"; }
)");
  const EnvironmentModel &m = *a->model;
  EXPECT_TRUE(m.flagCanBeOn(env(*a, "dev"), flag(*a, "routing")));
  EXPECT_FALSE(m.flagCanBeOn(env(*a, "prod"), flag(*a, "routing")));
  EXPECT_FALSE(m.flagAlwaysOn(env(*a, "dev"), flag(*a, "routing")));
  EXPECT_FALSE(m.flagCanBeOn(env(*a, "dev"), flag(*a, "kill")));
  EXPECT_TRUE(m.flagAlwaysOn(env(*a, "prod"), flag(*a, "always")));
  EXPECT_TRUE(m.flagCanBeOn(env(*a, "live_eu"), flag(*a, "everywhere")));
  EXPECT_FALSE(m.flagAlwaysOn(env(*a, "live_eu"), flag(*a, "everywhere")));
}

TEST(EnvironmentModel, CallSitesAndTheEnvironmentsTheyRunIn) {
  auto a = analyse(std::string(kEnvs) + R"(
flag routing { when email ends_with "@acme.com"; envs dev, stage; }
flag kill { off; }
flag always { on; }
webhook a { url "https://a.acme.com"; }
webhook b { url "https://b.acme.com"; }
webhook c { url "https://c.acme.com"; }
webhook d { url "https://d.acme.com"; }
webhook unused { url "https://u.acme.com"; }
flow f {
  on event "x";
  call a;
  if flag routing and email ends_with "@acme.com" {
    call b;
  } else if not flag kill {
    call c;
  } else {
    call d;
  }
}
flow g {
  on event "y";
  require flag kill or flag routing;
  if flag always { call a; } else { call d; }
}
)");
  const EnvironmentModel &m = *a->model;
  sema::EnvId dev = env(*a, "dev"), prod = env(*a, "prod");
  auto envsOf = [&](std::string_view name, size_t site) {
    std::vector<std::string_view> names;
    for (sema::EnvId id : m.callSites(webhook(*a, name))[site].envs)
      names.push_back(m.environment(id).name());
    return names;
  };
  using Names = std::vector<std::string_view>;
  ASSERT_EQ(m.callSites(webhook(*a, "a")).size(), 2u);
  EXPECT_EQ(envsOf("a", 0), (Names{"dev", "stage", "prod", "live_eu"}));
  // g enters only where `routing` can be on.
  EXPECT_EQ(envsOf("a", 1), (Names{"dev", "stage"}));
  EXPECT_EQ(a->program->flows[m.callSites(webhook(*a, "a"))[1].flow.value].name, "g");
  EXPECT_EQ(envsOf("b", 0), (Names{"dev", "stage"}));
  EXPECT_EQ(envsOf("c", 0), (Names{"dev", "stage", "prod", "live_eu"}));
  // `not flag kill` always holds: the else branch never runs.
  EXPECT_TRUE(envsOf("d", 0).empty());
  EXPECT_TRUE(envsOf("d", 1).empty());
  EXPECT_TRUE(m.isCalled(webhook(*a, "d")));
  EXPECT_FALSE(m.isCalled(webhook(*a, "unused")));
  EXPECT_EQ(m.firstCallIn(prod, webhook(*a, "b")), nullptr);
  ASSERT_NE(m.firstCallIn(dev, webhook(*a, "b")), nullptr);
  EXPECT_EQ(m.firstCallIn(prod, webhook(*a, "d")), nullptr);
}
