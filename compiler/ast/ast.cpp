// Out-of-line pieces of the AST: mapping string value bytes to source bytes.
#include "compiler/ast/ast.h"

#include <algorithm>

namespace mac::ast {

SourceRange StringLit::rangeOf(uint32_t begin, uint32_t end) const {
  auto sourceOf = [this](uint32_t valueOffset) -> uint32_t {
    auto it = std::upper_bound(runs.begin(), runs.end(), valueOffset,
                               [](uint32_t v, const Run &run) { return v < run.valueOffset; });
    if (it == runs.begin())
      return range.begin;
    --it;
    return it->sourceOffset + (valueOffset - it->valueOffset);
  };
  if (runs.empty())
    return range;
  uint32_t sourceBegin = sourceOf(begin);
  uint32_t sourceEnd = end > begin ? sourceOf(end - 1) + 1 : sourceBegin;
  sourceEnd = std::min(std::max(sourceEnd, sourceBegin), range.end);
  return SourceRange{range.file, sourceBegin, sourceEnd};
}

} // namespace mac::ast
