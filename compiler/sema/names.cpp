// Edit-distance suggestions (LLVM's StringRef::edit_distance).
#include "compiler/sema/names.h"

#include <llvm/ADT/StringRef.h>

namespace mac::sema {

std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string_view> &candidates) {
  unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(name.size() / 3));
  std::optional<std::string> best;
  unsigned bestDistance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == name)
      continue;
    if (llvm::StringRef(name.data(), name.size())
            .equals_insensitive(llvm::StringRef(candidate.data(), candidate.size())))
      return std::string(candidate); // differs only in case: the best guess there is
    unsigned distance = llvm::StringRef(name.data(), name.size())
                            .edit_distance(llvm::StringRef(candidate.data(), candidate.size()),
                                           /*AllowReplacements=*/true, limit);
    if (distance < bestDistance || (distance == bestDistance && best && candidate < *best)) {
      bestDistance = distance;
      best = std::string(candidate);
    }
  }
  return bestDistance <= limit ? best : std::nullopt;
}

std::string didYouMean(const std::optional<std::string> &suggestion) {
  return suggestion ? "; did you mean `" + *suggestion + "`?" : "";
}

} // namespace mac::sema
