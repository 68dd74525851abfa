// MAC4007 sender-unverified: the domain of an email's From address (`Name
// <addr@domain>` or a bare `addr@domain`) must equal one of the bundle's
// `senders`, or be a subdomain of one, ignoring case. The range is the domain
// inside the string; a note shows the bundle's list; a domain one typo away
// from a listed one gets a fix. A From without `@`, or whose domain is a
// placeholder, is not judged, and neither is anything in a lone file without
// a `bundle` declaration (there is no list to judge against).
#include "analyzer/check.h"
#include "analyzer/template_model.h"
#include "compiler/sema/names.h"

#include <algorithm>
#include <cctype>

namespace mac::analyzer {

namespace {

std::string normalized(std::string_view domain) {
  while (domain.starts_with("@"))
    domain.remove_prefix(1);
  while (domain.ends_with("."))
    domain.remove_suffix(1);
  std::string out(domain);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The value offsets [begin, end) of the domain of a From value, if any.
std::optional<std::pair<uint32_t, uint32_t>> fromDomain(std::string_view from) {
  size_t begin = 0, end = from.size();
  size_t open = from.rfind('<');
  if (open != std::string_view::npos && from.find('>', open) != std::string_view::npos) {
    begin = open + 1;
    end = from.find('>', open);
  }
  size_t at = from.substr(0, end).rfind('@');
  if (at == std::string_view::npos || at < begin)
    return std::nullopt;
  begin = at + 1;
  while (begin < end && std::isspace(static_cast<unsigned char>(from[begin])))
    ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(from[end - 1])))
    --end;
  if (begin == end || from.substr(begin, end - begin).find("{{") != std::string_view::npos)
    return std::nullopt;
  return std::pair<uint32_t, uint32_t>{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

class SenderUnverifiedCheck final : public Check {
public:
  std::string_view name() const override { return "sender-unverified"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    // A lone .flow file without a `bundle` declaration has no list to check
    // against; a bundle directory always has one (MAC1008).
    if (!program.bundle.range.isValid())
      return;
    std::vector<std::string> senders;
    for (const std::string &sender : program.bundle.senders)
      senders.push_back(normalized(sender));
    std::vector<std::string_view> candidates(senders.begin(), senders.end());
    for (const TemplateText &text : ctx.get<TemplateModel>().texts()) {
      if (text.role != TextRole::From)
        continue;
      auto offsets = fromDomain(text.text->value);
      if (!offsets)
        continue;
      std::string domain =
          normalized(std::string_view(text.text->value)
                         .substr(offsets->first, offsets->second - offsets->first));
      bool verified = std::any_of(senders.begin(), senders.end(), [&](const std::string &s) {
        return !s.empty() && (domain == s || domain.ends_with("." + s));
      });
      if (verified || domain.empty())
        continue;
      SourceRange range = text.rangeOf(offsets->first, offsets->second);
      diag::Diagnostic &d = ctx.diags().report(diag::Code::SenderUnverified, range, domain);
      d.notes.push_back(bundleNote(program));
      if (std::optional<std::string> closest = sema::closestName(domain, candidates))
        d.fixes.push_back({"use `" + *closest + "`", {{range, *closest}}});
    }
  }

private:
  static diag::Note bundleNote(const sema::Program &program) {
    const sema::Bundle &bundle = program.bundle;
    if (bundle.senders.empty())
      return {"the bundle declares no `senders`; list the verified domains in its `bundle` "
              "declaration, as in `senders \"acme.com\";`",
              bundle.nameRange};
    std::string list;
    for (const std::string &sender : bundle.senders)
      list += (list.empty() ? "`" : ", `") + sender + "`";
    return {"the verified sender domains of bundle `" + bundle.name + "` are " + list,
            bundle.nameRange};
  }
};

} // namespace

std::unique_ptr<Check> createSenderUnverifiedCheck() {
  return std::make_unique<SenderUnverifiedCheck>();
}

} // namespace mac::analyzer
