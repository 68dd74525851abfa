// Did-you-mean suggestions for misspelt names, shared by every resolver.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::sema {

/// The candidate closest to `name` by edit distance, if it is close enough
/// to be a plausible typo (at most a third of the name's length, minimum 1).
std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string_view> &candidates);

/// "; did you mean `x`?" or "".
std::string didYouMean(const std::optional<std::string> &suggestion);

} // namespace mac::sema
