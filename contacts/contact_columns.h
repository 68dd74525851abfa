// The header row of a contacts CSV mapped onto a Program's data model: one
// column per field identifier, plus `tags`, `lists` and `timezone`. Unknown
// columns are a warning (MAC1001) and ignored: real exports carry ids and
// platform columns the bundle does not model. A repeated column is an error
// (MAC1002) and only its first occurrence is read.
#pragma once

#include "compiler/sema/program.h"
#include "contacts/csv_diagnostics.h"
#include "contacts/csv_scanner.h"

#include <string>
#include <vector>

namespace mac::contacts {

enum class ColumnKind : uint8_t { Field, Tags, Lists, Timezone, Ignored };

struct Column {
  ColumnKind kind = ColumnKind::Ignored;
  sema::FieldId field; ///< Field
  std::string name;    ///< the header cell
};

/// The special column names, as the header spells them.
inline constexpr std::string_view kTagsColumn = "tags", kListsColumn = "lists",
                                  kTimezoneColumn = "timezone";

/// One Column per header cell, in order.
std::vector<Column> mapContactColumns(const CsvRow &header, const sema::Program &program,
                                      CsvDiagnostics &diags);

/// The field named `name`, or an invalid id.
sema::FieldId findField(const sema::Program &program, std::string_view name);

/// The contacts columns of `program` in their canonical order: its fields in
/// declaration order, then `tags`, `lists`, `timezone`.
std::vector<std::string> canonicalContactColumns(const sema::Program &program);

} // namespace mac::contacts
