// What a field holds in the real world, decided by its identifier (field
// types say `text`, never "first name"): seed data generates realistic values
// by role and `mac mask` scrambles the name roles. The identifiers each role
// matches are listed in docs/stage-data.md.
#pragma once

#include "compiler/sema/program.h"

#include <string_view>

namespace mac::contacts {

enum class FieldRole : uint8_t {
  Other,
  FirstName,
  LastName,
  FullName,
  Company,
  Street,
  City,
  State,
  PostalCode,
  Country,
  ConsentFlag,
  ConsentTimestamp,
  ConsentSource,
  UtmParameter
};

/// The role of `field`: consent roles from the program's `consent` blocks,
/// the others from the identifier.
FieldRole fieldRole(const sema::Program &program, sema::FieldId field);

/// first_name, last_name, name, full_name: the fields `mac mask` scrambles.
bool isNameRole(FieldRole role);
/// street … country: the fields a partial address leaves out.
bool isAddressRole(FieldRole role);

} // namespace mac::contacts
