// libFuzzer target for the template mini-language (LANGUAGE.md §4): a
// decoded template text through everything the template model runs on it —
// the placeholder scanner, rendering with fallbacks, the SMS length count,
// HTML detection and gumbo's link extraction (within htmlWithinLimits), plain
// text links, and uriparser's judgement of each link. Decoded values are
// always valid UTF-8 (sources are checked before parsing), so other inputs
// are rejected. Every offset handed out must lie inside the text.
#include "analyzer/link_url.h"
#include "analyzer/sms_length.h"
#include "analyzer/template_links.h"
#include "analyzer/template_placeholders.h"

#include <llvm/Support/ConvertUTF.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

void expectRange(uint32_t begin, uint32_t end, std::string_view text) {
  if (begin > end || end > text.size())
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace mac::analyzer;
  const auto *cursor = reinterpret_cast<const llvm::UTF8 *>(data);
  if (!llvm::isLegalUTF8String(&cursor, cursor + size))
    return -1;
  std::string_view text(reinterpret_cast<const char *>(data), size);

  PlaceholderScan scan = scanPlaceholders(text);
  for (const Placeholder &p : scan.placeholders) {
    expectRange(p.begin, p.end, text);
    expectRange(p.nameBegin, p.nameEnd, text);
    for (const PlaceholderFilter &f : p.filters)
      expectRange(f.nameBegin, f.nameEnd, text);
  }
  for (const PlaceholderProblem &problem : scan.problems)
    expectRange(problem.begin, problem.end, text);
  (void)renderWithFallbacks(text, scan.placeholders);

  SmsLength sms = smsLength(text, scan.placeholders);
  if (sms.firstNonGsm)
    expectRange(sms.firstNonGsm->first, sms.firstNonGsm->first + sms.firstNonGsm->second, text);

  static const std::vector<std::string_view> kBuiltinLinks = {"unsubscribe_url",
                                                              "view_in_browser_url"};
  std::vector<RawLink> links = textLinks(text, scan.placeholders, kBuiltinLinks);
  if (looksLikeHtml(text) && htmlWithinLimits(text))
    for (RawLink &link : htmlLinks(text))
      links.push_back(std::move(link));
  for (const RawLink &link : links) {
    expectRange(link.begin, link.end, text);
    (void)scanPlaceholders(link.url);
    (void)analyzeUrl(link.url);
  }
  return 0;
}
