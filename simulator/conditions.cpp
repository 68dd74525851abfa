// Condition evaluation (conditions.h). Text tests on email fields ignore
// ASCII case, as mail systems do for addresses; everything else is exact.
#include "simulator/conditions.h"

#include <llvm/ADT/StringRef.h>

#include <algorithm>

namespace mac::sim {

namespace {

bool textTest(sema::CondKind kind, const sema::Field &field, const Value &value,
              const std::string &needle) {
  if (value.kind != Value::Kind::Text)
    return false;
  llvm::StringRef hay(value.text);
  bool fold = field.type == sema::FieldType::Email;
  switch (kind) {
  case sema::CondKind::Contains:
    return fold ? hay.contains_insensitive(needle) : hay.contains(needle);
  case sema::CondKind::StartsWith:
    return fold ? hay.startswith_insensitive(needle) : hay.startswith(needle);
  default:
    return fold ? hay.endswith_insensitive(needle) : hay.endswith(needle);
  }
}

bool compare(sema::CompareOp op, const Value &left, const Value &right) {
  if (op == sema::CompareOp::Eq)
    return left == right;
  if (op == sema::CompareOp::Ne)
    return !(left == right);
  auto order = left.compare(right);
  if (!order)
    return false;
  switch (op) {
  case sema::CompareOp::Lt:
    return *order < 0;
  case sema::CompareOp::Le:
    return *order <= 0;
  case sema::CompareOp::Gt:
    return *order > 0;
  default:
    return *order >= 0;
  }
}

} // namespace

bool flagOn(const PreparedBundle &bundle, const Contact &contact, sema::FlagId flag) {
  if (!flag.isValid() || !bundle.flagAllowed(flag))
    return false;
  const sema::Flag &decl = bundle.program().flags[flag.value];
  return !decl.when.isValid() || evaluate(bundle, contact, decl.when);
}

bool inAudience(const PreparedBundle &bundle, const Contact &contact, sema::AssetRef audience) {
  if (audience.kind == sema::AssetKind::List)
    return contact.inList(sema::ListId{audience.index});
  if (audience.kind == sema::AssetKind::Segment)
    return evaluate(bundle, contact, bundle.program().segments[audience.index].where);
  return false;
}

bool evaluate(const PreparedBundle &bundle, const Contact &contact, sema::CondId id) {
  if (!id.isValid())
    return true; // a condition sema could not resolve (only in bundles with errors)
  const sema::Program &program = bundle.program();
  const sema::Cond &cond = program.cond(id);
  switch (cond.kind) {
  case sema::CondKind::Or:
    return std::any_of(cond.children.begin(), cond.children.end(),
                       [&](sema::CondId child) { return evaluate(bundle, contact, child); });
  case sema::CondKind::And:
    return std::all_of(cond.children.begin(), cond.children.end(),
                       [&](sema::CondId child) { return evaluate(bundle, contact, child); });
  case sema::CondKind::Not:
    return cond.children.empty() || !evaluate(bundle, contact, cond.children.front());
  case sema::CondKind::True:
    return true;
  case sema::CondKind::False:
    return false;
  case sema::CondKind::Consent:
    return contact.hasConsent(program, cond.channel);
  case sema::CondKind::Flag:
    return flagOn(bundle, contact, cond.flag);
  case sema::CondKind::InList:
    return cond.list.isValid() && contact.inList(cond.list);
  case sema::CondKind::InSegment:
    return cond.segment.isValid() &&
           evaluate(bundle, contact, program.segments[cond.segment.value].where);
  case sema::CondKind::HasTag:
    return cond.tag.isValid() && contact.hasTag(cond.tag);
  case sema::CondKind::Compare:
    return cond.field.isValid() && !cond.values.empty() &&
           compare(cond.op, contact.field(cond.field), Value::of(cond.values.front()));
  case sema::CondKind::InValues:
    return cond.field.isValid() &&
           std::any_of(cond.values.begin(), cond.values.end(), [&](const sema::Value &v) {
             return contact.field(cond.field) == Value::of(v);
           });
  case sema::CondKind::Contains:
  case sema::CondKind::StartsWith:
  case sema::CondKind::EndsWith:
    return cond.field.isValid() && !cond.values.empty() &&
           textTest(cond.kind, program.field(cond.field), contact.field(cond.field),
                    cond.values.front().text);
  case sema::CondKind::IsSet:
    return cond.field.isValid() && !contact.field(cond.field).isEmpty();
  case sema::CondKind::IsEmpty:
    return cond.field.isValid() && contact.field(cond.field).isEmpty();
  }
  return false;
}

} // namespace mac::sim
