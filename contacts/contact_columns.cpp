// mapContactColumns and the canonical column order used by the writer.
#include "contacts/contact_columns.h"

#include "compiler/sema/names.h"

#include <set>

namespace mac::contacts {

sema::FieldId findField(const sema::Program &program, std::string_view name) {
  auto it = program.names.find(name);
  if (it == program.names.end() || it->second.kind != sema::AssetKind::Field)
    return {};
  return sema::FieldId{it->second.index};
}

std::vector<Column> mapContactColumns(const CsvRow &header, const sema::Program &program,
                                      CsvDiagnostics &diags) {
  std::vector<Column> columns;
  std::set<std::string, std::less<>> seen;
  std::vector<std::string_view> candidates;
  for (const sema::Field &field : program.fields)
    candidates.push_back(field.name);
  for (std::string_view special : {kTagsColumn, kListsColumn, kTimezoneColumn})
    candidates.push_back(special);
  for (const CsvCell &cell : header.cells) {
    Column column;
    column.name = cell.text;
    if (!seen.insert(cell.text).second) {
      diags.report(diag::Code::DuplicateDefinition, diag::Severity::Error, cell.begin, cell.end,
                   cell.text, "an earlier column of this file; only the first one is read");
    } else if (cell.text == kTagsColumn) {
      column.kind = ColumnKind::Tags;
    } else if (cell.text == kListsColumn) {
      column.kind = ColumnKind::Lists;
    } else if (cell.text == kTimezoneColumn) {
      column.kind = ColumnKind::Timezone;
    } else if (sema::FieldId field = findField(program, cell.text); field.isValid()) {
      column.kind = ColumnKind::Field;
      column.field = field;
    } else {
      std::optional<std::string> suggestion = sema::closestName(cell.text, candidates);
      diags.report(diag::Code::UndefinedReference, diag::Severity::Warning, cell.begin, cell.end,
                   "field", cell.text,
                   suggestion ? sema::didYouMean(suggestion) : "; the column is ignored");
    }
    columns.push_back(std::move(column));
  }
  return columns;
}

std::vector<std::string> canonicalContactColumns(const sema::Program &program) {
  std::vector<std::string> names;
  for (const sema::Field &field : program.fields)
    names.push_back(field.name);
  for (std::string_view special : {kTagsColumn, kListsColumn, kTimezoneColumn})
    names.emplace_back(special);
  return names;
}

} // namespace mac::contacts
