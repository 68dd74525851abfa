// The vocabulary completion offers, by place: the keywords that open a
// statement at top level, in a flow, in its steps and in each kind of block,
// the words that start a condition, the operators a field's type allows,
// and the LSP CompletionItemKind of each kind of declared name.
#pragma once

#include "compiler/sema/program.h"

#include <string_view>
#include <vector>

namespace mac::lsp::features {

using Words = std::vector<std::string_view>;

/// LSP CompletionItemKind numbers.
enum ItemKind : int {
  Text = 1,
  Function = 3,
  Field = 5,
  Variable = 6,
  Class = 7,
  Interface = 8,
  Module = 9,
  Value = 12,
  Keyword = 14,
  EnumMember = 20,
  Constant = 21,
  Struct = 22,
  Operator = 24,
  TypeParameter = 25
};

extern const Words kTopLevel;       ///< the declarations
extern const Words kSteps;          ///< what a flow does (also inside `if`/`else`)
extern const Words kFlowSettings;   ///< a flow's triggers, settings and policy lines
extern const Words kConditionStart; ///< besides a field name

/// The operators a field's type allows (sema's checkOrdering and checkTextField).
Words operatorsFor(sema::FieldType type);
/// The keywords that open statements inside a block whose header is `block`.
const Words &blockKeywords(std::string_view block);
/// The item kind of a declared name.
int itemKind(sema::AssetKind kind);

} // namespace mac::lsp::features
