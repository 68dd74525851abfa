// `test` declarations: environment, contact blocks (kept as written, even
// when there are several), simulated events, the horizon and expectations.
#include "compiler/format/file_printer.h"

#include <memory>

namespace mac::format {

std::string FilePrinter::expectationText(const ast::Expectation &e) const {
  using K = ast::ExpectKind;
  std::string text = e.negated ? "not " : "";
  text += e.kind == K::Sent ? "sent " : e.kind == K::Called ? "called " : "enrolled ";
  text += e.name.text;
  switch (e.timing) {
  case ast::TimingKind::None:
    break;
  case ast::TimingKind::Within: {
    uint32_t from = kNoOffset;
    if (source_.has(e.range)) {
      size_t at = source_.slice(e.range).rfind("within");
      from = at == std::string_view::npos ? kNoOffset : e.range.begin + at + 6;
    }
    text += " within " +
            spelling_.duration(from, from == kNoOffset ? kNoOffset : e.range.end, e.withinSeconds);
    break;
  }
  case ast::TimingKind::At:
    text += " at " + spelling_.when(e.at);
    break;
  case ast::TimingKind::Between:
    text += " between " + spelling_.when(e.at) + " and " + spelling_.when(e.until);
    break;
  }
  return text;
}

void FilePrinter::contacts(const ast::TestDecl &d, std::vector<Item> &items) {
  std::vector<Item> entries;
  for (const ast::ContactValue &v : d.contact)
    entries.push_back({begin(v.field.range), [this, &v] {
                         leaf(v.field.range, v.value.range,
                              v.field.text + " = " + spelling_.literal(v.value));
                       }});
  if (const auto &z = d.timezone)
    entries.push_back({begin(z->range),
                       [this, &z] { leaf(z->range, z->range, "timezone " + spelling_.str(*z)); }});
  for (const ast::Name &t : d.contactTags)
    entries.push_back({begin(t.range), [this, &t] { leaf(t.range, t.range, "tag " + t.text); }});
  for (const ast::Name &l : d.contactLists)
    entries.push_back({begin(l.range), [this, &l] { leaf(l.range, l.range, "list " + l.text); }});

  std::vector<uint32_t> starts;
  if (source_.has(d.range))
    starts = source_.statementsStarting(openBrace(d), d.range.end, {"contact", "{"});
  if (starts.empty() && !entries.empty())
    starts.push_back(kNoOffset);
  // Each block takes the entries written inside it.
  auto shared = std::make_shared<std::vector<Item>>(std::move(entries));
  for (uint32_t start : starts) {
    uint32_t open = start == kNoOffset ? kNoOffset : source_.find(start, d.range.end, '{');
    uint32_t close = open == kNoOffset ? kNoOffset : source_.matchingBrace(open);
    items.push_back({start, [this, shared, start, open, close] {
                       std::vector<Item> mine;
                       for (const Item &entry : *shared)
                         if (open == kNoOffset || (entry.at > open && entry.at < close))
                           mine.push_back(entry);
                       writer_.open(start, open, "contact");
                       writeSorted(mine);
                       writer_.close(close);
                     }});
  }
}

void FilePrinter::test(const ast::TestDecl &d) {
  std::vector<Item> items;
  if (const auto &env = d.env)
    items.push_back(
        {begin(env->range), [this, &env] { leaf(env->range, env->range, "env " + env->text); }});
  contacts(d, items);
  for (const ast::TestEvent &e : d.events)
    items.push_back({begin(e.at.range), [this, &e] {
                       leaf(e.at.range, e.trigger.range,
                            "at " + spelling_.when(e.at) + " " + triggerText(e.trigger));
                     }});
  if (d.horizonSeconds)
    items.push_back({find(d, {"run", "for"}), [this, &d] {
                       uint32_t at = find(d, {"run", "for"});
                       uint32_t semi =
                           at == kNoOffset ? kNoOffset : source_.find(at, d.range.end, ';');
                       std::string text =
                           semi == kNoOffset
                               ? "run for " + Spelling::canonicalDuration(*d.horizonSeconds)
                               : source_.words(at, semi);
                       SourceRange where{d.range.file, at, semi};
                       leaf(where, where, text);
                     }});
  for (const ast::Expectation &e : d.expectations)
    items.push_back({begin(e.range), [this, &e] {
                       if (e.kind == ast::ExpectKind::Condition)
                         writer_.line(begin(e.range), end(e.range),
                                      condition(e.condition, "expect ", ";"));
                       else
                         leaf(e.range, e.range, "expect " + expectationText(e));
                     }});
  block(d, "test", items);
}

} // namespace mac::format
