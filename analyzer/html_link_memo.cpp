// The HTML link memo: a StringMap under a mutex. gumbo runs outside the lock,
// so two threads never wait for each other's parse; when both parse the same
// new text, the second result (identical) is dropped.
#include "analyzer/html_link_memo.h"

#include <algorithm>

namespace mac::analyzer {

std::vector<RawLink> HtmlLinkMemo::linksOf(std::string_view html) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = entries_.find(llvm::StringRef(html.data(), html.size()));
    if (found != entries_.end()) {
      found->second.used = true;
      ++hits_;
      return found->second.links;
    }
    ++misses_;
  }
  std::vector<RawLink> links = htmlLinks(html);
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, added] = entries_.try_emplace(llvm::StringRef(html.data(), html.size()));
  if (added)
    entry->second.links = links;
  entry->second.used = true;
  return links;
}

void HtmlLinkMemo::insert(std::string_view html, std::vector<RawLink> links) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [entry, added] = entries_.try_emplace(llvm::StringRef(html.data(), html.size()));
  if (added)
    entry->second.links = std::move(links);
}

void HtmlLinkMemo::dropUnused() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto current = it++;
    if (!current->second.used)
      entries_.erase(current);
    else
      current->second.used = false;
  }
  hits_ = misses_ = 0;
}

void HtmlLinkMemo::forEachUsed(
    llvm::function_ref<void(std::string_view, const std::vector<RawLink> &)> visit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<const llvm::StringMapEntry<Entry> *> used;
  for (const auto &entry : entries_)
    if (entry.second.used)
      used.push_back(&entry);
  std::sort(used.begin(), used.end(),
            [](const auto *a, const auto *b) { return a->getKey() < b->getKey(); });
  for (const auto *entry : used)
    visit(std::string_view(entry->getKey().data(), entry->getKey().size()), entry->second.links);
}

bool HtmlLinkMemo::changedThisRound() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_ > 0 || std::any_of(entries_.begin(), entries_.end(),
                                    [](const auto &entry) { return !entry.second.used; });
}

size_t HtmlLinkMemo::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

size_t HtmlLinkMemo::misses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}

} // namespace mac::analyzer
