// The fix shared by the consent checks (MAC3001, MAC3006).
#include "analyzer/checks/consent_guard.h"

#include <fmt/format.h>

namespace mac::analyzer {

diag::Fix wrapInConsentCheck(const sema::Stmt &send, sema::Channel channel) {
  SourceRange before{send.range.file, send.range.begin, send.range.begin};
  SourceRange after{send.range.file, send.range.end, send.range.end};
  return diag::Fix{
      fmt::format("wrap the send in `if consent {} {{ }}`", sema::channelName(channel)),
      {diag::Edit{before, fmt::format("if consent {} {{ ", sema::channelName(channel))},
       diag::Edit{after, " }"}}};
}

} // namespace mac::analyzer
