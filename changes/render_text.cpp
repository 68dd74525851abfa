// `mac diff --format text`: see render.h.
#include "changes/render.h"

namespace mac::changes {

namespace {

void printChange(const Change &change, bool migration, llvm::raw_ostream &os) {
  os << "  " << changeKindName(change.kind) << " " << change.subject << " ["
     << bumpName(change.bump) << ": " << ruleInfo(change.rule).id << "]\n";
  if (change.kind == ChangeKind::Moved) {
    os << "      " << changeDetail(change, false) << "\n";
  } else {
    if (!change.before.empty() && change.before != change.subject)
      os << "      - " << change.before << "\n";
    if (!change.after.empty() && change.after != change.subject)
      os << "      + " << change.after << "\n";
  }
  if (migration && !change.migration.empty())
    os << "      migration: " << change.migration << "\n";
}

std::string versionText(const std::string &version) {
  return version.empty() ? "no version" : version;
}

} // namespace

void renderText(const DiffReport &report, llvm::raw_ostream &os) {
  const ChangeSet &changes = report.changes;
  os << "mac diff " << report.oldLabel << " (" << versionText(report.gate.oldVersion) << ") -> "
     << report.newLabel << " (" << versionText(report.gate.newVersion) << ")\n";
  if (changes.empty())
    os << "\nNo changes.\n";
  for (Section section :
       {Section::Assets, Section::Flows, Section::DataModel, Section::Integrations}) {
    bool first = true;
    for (const Change &change : changes.changes()) {
      if (change.section != section)
        continue;
      if (first)
        os << "\n" << sectionName(section) << ":\n";
      first = false;
      printChange(change, true, os);
    }
  }
  os << "\nCompliance:\n";
  bool any = false;
  for (const Change &change : changes.changes())
    if (change.compliance) {
      printChange(change, false, os);
      any = true;
    }
  if (!any)
    os << "  none\n";

  const GateResult &gate = report.gate;
  os << "\nRequired bump: " << bumpName(gate.required) << "\n";
  os << "Version: " << versionText(gate.oldVersion) << " -> " << versionText(gate.newVersion)
     << " (" << bumpName(gate.declared) << " step): ";
  if (gate.passed())
    os << "ok\n";
  else
    os << "needs a " << bumpName(gate.required) << " step, e.g. " << gate.suggested << " ("
       << (*gate.failure == diag::Code::VersionNotBumped ? "MAC6001" : "MAC6002") << ")\n";
}

} // namespace mac::changes
