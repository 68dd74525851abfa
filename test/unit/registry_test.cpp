// Unit tests for the diagnostics registry: every code unique, names
// kebab-case, lookups by code and name, and every message format usable.
#include "compiler/diag/diagnostic.h"

#include <gtest/gtest.h>

#include <set>

using namespace mac::diag;

TEST(Registry, CodesAndNamesAreUniqueAndWellFormed) {
  std::set<std::string_view> ids, names;
  for (const RuleInfo &rule : allRules()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_EQ(rule.id.size(), 7u);
    EXPECT_TRUE(rule.id.starts_with("MAC"));
    for (char c : rule.name)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << rule.name;
    EXPECT_NE(rule.explanation.find("Bad"), std::string_view::npos) << rule.id;
    EXPECT_NE(rule.explanation.find("Good"), std::string_view::npos) << rule.id;
  }
  EXPECT_GE(allRules().size(), 48u);
}

TEST(Registry, LookupByCodeOrName) {
  EXPECT_EQ(lookupRule("MAC3001"), Code::ConsentMissing);
  EXPECT_EQ(lookupRule("mac3001"), Code::ConsentMissing);
  EXPECT_EQ(lookupRule("consent-missing"), Code::ConsentMissing);
  EXPECT_FALSE(lookupRule("consent-mising").has_value());
  EXPECT_EQ(ruleInfo(Code::UnboundAsset).defaultSeverity, Severity::Warning);
  EXPECT_EQ(ruleInfo(Code::MissingUtm).defaultSeverity, Severity::Info);
}
