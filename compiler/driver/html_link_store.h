// The HTML link memo on disk, for `mac check --cache-dir DIR`: the file
// DIR/html-links-v1 holds the texts the last run parsed with gumbo and their
// links (analyzer/html_link_memo.h), so that the next run parses only new
// texts. At 10,000 realistic flows gumbo is about a third of a check.
//
// Like the parse cache it can only make a run faster: a missing, truncated,
// corrupt (checksum) or foreign (another mac build) file loads nothing, and
// the file is replaced atomically, only when the run's texts changed.
#pragma once

#include "analyzer/html_link_memo.h"

#include <string>

namespace mac::driver {

class HtmlLinkStore {
public:
  /// `directory` is the cache directory; `toolVersion` is mac's version (the
  /// build identity is added).
  HtmlLinkStore(std::string directory, std::string toolVersion);

  /// Adds the stored texts to `memo`; returns how many (0 when unusable).
  size_t load(analyzer::HtmlLinkMemo &memo) const;

  /// Stores the texts `memo` used in this round when they changed; false
  /// when the file could not be written.
  bool save(const analyzer::HtmlLinkMemo &memo) const;

  const std::string &path() const { return path_; }

private:
  std::string path_;
  std::string identity_;
};

} // namespace mac::driver
