// A memo of HTML link extraction, keyed by the exact text. gumbo spends about
// 440 instructions per byte (~150,000 for a 350-byte email body), and most
// runs see the same bodies again: the language server on every edit, and
// `mac check --cache-dir` on every run (compiler/cache/html_link_store.h
// keeps the memo on disk). Keys are whole texts compared byte for byte, so a
// hit is always exactly what htmlLinks() would return.
//
// Rounds keep it the size of the bundle: a round is one analysis; the texts
// asked for in it are "used"; dropUnused() forgets the others and starts
// the next round. linksOf() may be called from several threads at once.
#pragma once

#include "analyzer/template_links.h"

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringMap.h>

#include <mutex>
#include <string_view>
#include <vector>

namespace mac::analyzer {

class HtmlLinkMemo {
public:
  /// htmlLinks(html), from the memo when this text was seen before.
  std::vector<RawLink> linksOf(std::string_view html);

  /// Adds a result computed elsewhere (a stored memo being loaded). It is
  /// not "used" until linksOf() asks for it.
  void insert(std::string_view html, std::vector<RawLink> links);

  /// Forgets every text not asked for in this round; starts the next round.
  void dropUnused();

  /// Each text asked for in this round with its links, ordered by text.
  void forEachUsed(
      llvm::function_ref<void(std::string_view html, const std::vector<RawLink> &links)> visit)
      const;

  /// Whether this round's used texts differ from what the memo held when the
  /// round began (a text was parsed, or a known one went unused): a stored
  /// copy of the memo is then out of date.
  bool changedThisRound() const;

  size_t hits() const;
  size_t misses() const;

private:
  struct Entry {
    std::vector<RawLink> links;
    bool used = false;
  };
  mutable std::mutex mutex_;
  llvm::StringMap<Entry> entries_;
  size_t hits_ = 0, misses_ = 0;
};

} // namespace mac::analyzer
