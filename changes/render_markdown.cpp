// `mac diff --format md` and `mac changelog`: a CHANGELOG entry, see render.h.
#include "changes/render.h"

#include <functional>

namespace mac::changes {

namespace {

void item(const Change &change, llvm::raw_ostream &os) {
  os << "- " << change.subject;
  if (std::string detail = changeDetail(change, true); !detail.empty())
    os << ": " << detail;
  os << " (" << bumpName(change.bump) << ", `" << ruleInfo(change.rule).id << "`)\n";
}

} // namespace

void renderMarkdownEntry(const ChangeSet &changes, const EntryHeading &heading,
                         llvm::raw_ostream &os) {
  os << "## " << heading.title << " \xE2\x80\x94 " << bumpName(changes.required());
  if (!heading.date.empty())
    os << " (" << heading.date << ")";
  os << "\n";
  auto section = [&](llvm::StringRef title, const std::function<bool(const Change &)> &in,
                     bool always) {
    bool any = false;
    for (const Change &change : changes.changes())
      any = any || in(change);
    if (!any && !always)
      return;
    os << "\n### " << title << "\n\n";
    if (!any)
      os << "None.\n";
    for (const Change &change : changes.changes())
      if (in(change))
        item(change, os);
  };
  section(
      "Added", [](const Change &c) { return c.kind == ChangeKind::Added; }, false);
  section(
      "Removed", [](const Change &c) { return c.kind == ChangeKind::Removed; }, false);
  section(
      "Changed",
      [](const Change &c) {
        return c.kind == ChangeKind::Changed || c.kind == ChangeKind::Moved ||
               c.kind == ChangeKind::Renamed;
      },
      false);
  section(
      "Compliance", [](const Change &c) { return c.compliance; }, true);
  bool notes = false;
  for (const Change &change : changes.changes())
    notes = notes || !change.migration.empty();
  if (notes) {
    os << "\n### Migration notes\n\n";
    for (const Change &change : changes.changes())
      if (!change.migration.empty())
        os << "- " << change.subject << ": " << change.migration << "\n";
  }
}

} // namespace mac::changes
