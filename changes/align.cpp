// LCS alignment: see align.h. Bodies and branch lists are short, so the
// quadratic table is fine.
#include "changes/align.h"

#include <algorithm>

namespace mac::changes {

std::vector<AlignOp> align(const std::vector<std::string> &before,
                           const std::vector<std::string> &after, bool pairGaps) {
  const size_t n = before.size(), m = after.size();
  // suffix[i][j]: LCS length of before[i..] and after[j..].
  std::vector<std::vector<int>> suffix(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      suffix[i][j] = before[i] == after[j] ? suffix[i + 1][j + 1] + 1
                                           : std::max(suffix[i + 1][j], suffix[i][j + 1]);
  std::vector<AlignOp> ops;
  std::vector<int> gapOld, gapNew;
  auto flushGap = [&] {
    size_t paired = pairGaps ? std::min(gapOld.size(), gapNew.size()) : 0;
    for (size_t k = 0; k < paired; ++k)
      ops.push_back({AlignOp::Pair, gapOld[k], gapNew[k]});
    for (size_t k = paired; k < gapOld.size(); ++k)
      ops.push_back({AlignOp::Delete, gapOld[k], -1});
    for (size_t k = paired; k < gapNew.size(); ++k)
      ops.push_back({AlignOp::Insert, -1, gapNew[k]});
    gapOld.clear();
    gapNew.clear();
  };
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j] && suffix[i][j] == suffix[i + 1][j + 1] + 1) {
      flushGap();
      ops.push_back({AlignOp::Match, static_cast<int>(i++), static_cast<int>(j++)});
    } else if (j == m || (i < n && suffix[i + 1][j] >= suffix[i][j + 1])) {
      gapOld.push_back(static_cast<int>(i++));
    } else {
      gapNew.push_back(static_cast<int>(j++));
    }
  }
  flushGap();
  return ops;
}

} // namespace mac::changes
