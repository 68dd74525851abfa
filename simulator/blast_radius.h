// The blast radius of a release (`mac simulate BUNDLE --against OLD`): the
// same contacts run through two versions of a bundle, each with its own
// PreparedBundle and Population; only the contacts whose outcome differs
// (a final field value, or the templates sent) count. Per field that differs,
// contacts are grouped by (initial value, value after BUNDLE, value after
// OLD) into the table marketing-ops people build by hand:
//   | initial lead_status | count | lead_status after BUNDLE | lead_status after OLD |
// Fields are matched by name; a field only one version declares is not
// compared. Sends are compared as the multiset of template names per
// contact, and tabled per template. Nothing is kept per contact; each table
// keeps at most `maxRows` distinct keys (the rest counted in "(other)").
#pragma once

#include "simulator/report.h"

namespace mac::sim {

class BlastRadius {
public:
  /// `bundle` is the version under test, `old` the one to compare with;
  /// `bundleLabel` and `oldLabel` name them in column headings.
  BlastRadius(const sema::Program &bundle, const sema::Program &old, std::string bundleLabel,
              std::string oldLabel, size_t maxRows = 1000);

  /// One contact: its initial values (by the bundle's FieldIds), the contact
  /// after each run and what each run sent.
  void add(const std::vector<Value> &initial, const Contact &afterBundle,
           const Outcome &bundleOutcome, const Contact &afterOld, const Outcome &oldOutcome);

  Report build(std::string title) const;

private:
  struct FieldTable {
    std::string name;
    uint32_t oldField = UINT32_MAX; ///< the same field in `old`; none: not compared
    std::map<std::tuple<std::string, std::string, std::string>, uint64_t> rows;
    uint64_t other = 0;
  };
  struct SendCounts {
    uint64_t contacts = 0, bundleSends = 0, oldSends = 0;
  };
  const sema::Program &bundle_, &old_;
  std::string bundleLabel_, oldLabel_;
  size_t maxRows_;
  uint64_t contacts_ = 0, changed_ = 0;
  std::vector<FieldTable> fields_; ///< by the bundle's FieldId
  std::map<std::string, SendCounts> sends_;
  uint64_t otherSends_ = 0;
};

} // namespace mac::sim
