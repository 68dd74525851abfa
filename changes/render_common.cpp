// What the renderers share: the one-line detail of a change.
#include "changes/render.h"

namespace mac::changes {

std::string changeDetail(const Change &change, bool code) {
  auto show = [&](const std::string &text) { return code ? "`" + text + "`" : text; };
  switch (change.kind) {
  case ChangeKind::Added:
    return change.after.empty() || change.after == change.subject ? "" : show(change.after);
  case ChangeKind::Removed:
    return change.before.empty() || change.before == change.subject ? "" : show(change.before);
  case ChangeKind::Moved:
    return change.before + " \xE2\x86\x92 " + change.after;
  case ChangeKind::Changed:
  case ChangeKind::Renamed:
    return show(change.before.empty() ? "(none)" : change.before) + " \xE2\x86\x92 " +
           show(change.after.empty() ? "(none)" : change.after);
  }
  return "";
}

} // namespace mac::changes
