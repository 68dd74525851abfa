// The proof obligation of compiler/syntax/descent_parser.h: whenever the
// recursive-descent fast path accepts a text, the ANTLR path reports no
// diagnostic for it and builds the same AST — compared as the AST dump with
// every source range and string run (format::DumpOptions::ranges) — and the
// same comments. Shared by the unit test (the repository's corpus, edge
// cases of every rule, mutated files) and the parser fuzz target.
#pragma once

#include "compiler/format/ast_dump.h"
#include "compiler/syntax/descent_parser.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace mac::test {

struct ParserComparison {
  bool accepted = false;   ///< the fast path built an AST
  bool antlrClean = false; ///< the ANTLR path reported no diagnostic
  std::string difference;  ///< empty when the contract holds
};

namespace detail {

inline std::string describeComments(const std::vector<syntax::Comment> &comments) {
  std::string out;
  for (const syntax::Comment &comment : comments)
    out += fmt::format("{}{}-{} ", comment.isBlock ? "block " : "line ", comment.range.begin,
                       comment.range.end);
  return out;
}

/// The first line where `a` and `b` differ, with its number.
inline std::string firstDifferentLine(std::string_view a, std::string_view b) {
  size_t line = 1;
  while (true) {
    size_t endA = a.find('\n'), endB = b.find('\n');
    std::string_view lineA = a.substr(0, endA), lineB = b.substr(0, endB);
    if (lineA != lineB || endA == std::string_view::npos || endB == std::string_view::npos)
      return fmt::format("line {}: ANTLR `{}`, fast path `{}`", line, lineA, lineB);
    a.remove_prefix(endA + 1);
    b.remove_prefix(endB + 1);
    ++line;
  }
}

} // namespace detail

/// Parses `text` with both paths and checks the contract.
inline ParserComparison compareParsers(std::string_view text,
                                       const syntax::ParseLimits &limits = {}) {
  ParserComparison comparison;
  SourceManager sources;
  FileId file =
      sources.addFile("equivalence.flow", "/equivalence/equivalence.flow", std::string(text));
  diag::Engine diags;
  syntax::ParseResult antlr = syntax::parseWithAntlr(sources, file, diags, limits);
  comparison.antlrClean = diags.diagnostics().empty();
  for (const diag::Diagnostic &diagnostic : diags.diagnostics())
    if (diagnostic.code == diag::Code::InvalidEncoding ||
        diagnostic.code == diag::Code::InputTooLarge)
      return comparison; // parseFile stops before either parser runs
  std::optional<syntax::ParseResult> fast =
      syntax::parseByDescent(sources.text(file), file, limits);
  comparison.accepted = fast.has_value();
  if (!fast)
    return comparison;
  if (!comparison.antlrClean) {
    comparison.difference =
        fmt::format("the fast path accepted a text on which ANTLR reports {} "
                    "diagnostic(s), the first: {}",
                    diags.diagnostics().size(), diags.diagnostics().front().message);
    return comparison;
  }
  format::DumpOptions options;
  options.ranges = true;
  std::string want = format::dumpFile(*antlr.file, sources.text(file), options);
  std::string got = format::dumpFile(*fast->file, sources.text(file), options);
  if (want != got)
    comparison.difference = "ASTs differ, " + detail::firstDifferentLine(want, got);
  else if (detail::describeComments(antlr.comments) != detail::describeComments(fast->comments))
    comparison.difference = "comments differ: ANTLR " + detail::describeComments(antlr.comments) +
                            ", fast path " + detail::describeComments(fast->comments);
  return comparison;
}

/// Empty when the contract holds on `text`; else what broke it.
inline std::string firstParserDifference(std::string_view text) {
  return compareParsers(text).difference;
}

} // namespace mac::test
