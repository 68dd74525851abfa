// Masking: salted SHA-256 (llvm::SHA256) per cell kind, and a streaming copy
// of the file in which only the masked cells' bytes are replaced.
#include "contacts/mask.h"

#include "contacts/contact_columns.h"
#include "contacts/csv_reader.h"
#include "contacts/csv_writer.h"
#include "contacts/field_roles.h"
#include "contacts/name_lists.h"
#include "contacts/phone.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>

namespace mac::contacts {

namespace {

/// SHA-256 of the salt, the kind and the value, separated by unit separators.
std::array<uint8_t, 32> digest(const std::string &salt, std::string_view kind,
                               std::string_view value, unsigned round = 0) {
  llvm::SHA256 sha;
  sha.update(salt);
  sha.update("\x1f");
  sha.update(kind);
  sha.update("\x1f");
  sha.update(llvm::StringRef(value.data(), value.size()));
  if (round)
    sha.update("\x1f" + std::to_string(round));
  llvm::StringRef result = sha.final();
  std::array<uint8_t, 32> out;
  std::copy(result.bytes_begin(), result.bytes_end(), out.begin());
  return out;
}

/// `count` decimal digits from a digest.
std::string digits(const std::array<uint8_t, 32> &hash, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i)
    out += static_cast<char>('0' + hash[i % hash.size()] % 10);
  return out;
}

MaskKind kindOfRole(FieldRole role) {
  switch (role) {
  case FieldRole::FirstName:
    return MaskKind::FirstName;
  case FieldRole::LastName:
    return MaskKind::LastName;
  case FieldRole::FullName:
    return MaskKind::FullName;
  default:
    return MaskKind::Keep;
  }
}

} // namespace

MaskKind maskKindOf(std::string_view column, const sema::Program *program) {
  if (program) {
    if (sema::FieldId field = findField(*program, column); field.isValid()) {
      sema::FieldType type = program->field(field).type;
      if (type == sema::FieldType::Email)
        return MaskKind::Email;
      if (type == sema::FieldType::Phone)
        return MaskKind::Phone;
      return kindOfRole(fieldRole(*program, field));
    }
  }
  llvm::StringRef name(column.data(), column.size());
  if (name == "email" || name.endswith("_email") || name == "email_address")
    return MaskKind::Email;
  if (name == "phone" || name == "mobile" || name.endswith("_phone") || name == "mobile_phone")
    return MaskKind::Phone;
  if (name == "first_name" || name == "firstname" || name == "given_name")
    return MaskKind::FirstName;
  if (name == "last_name" || name == "lastname" || name == "family_name" || name == "surname")
    return MaskKind::LastName;
  if (name == "name" || name == "full_name")
    return MaskKind::FullName;
  return MaskKind::Keep;
}

std::string maskEmail(std::string_view text, const std::string &salt) {
  size_t at = text.rfind('@');
  std::string address = llvm::StringRef(text.data(), text.size()).lower();
  std::string local =
      "h" + llvm::toHex(llvm::ArrayRef(digest(salt, "email", address)).take_front(8),
                        /*LowerCase=*/true);
  return at == std::string_view::npos ? local : local + std::string(text.substr(at));
}

std::string maskPhone(std::string_view text, const MaskOptions &options) {
  std::optional<std::string> e164 = toE164(text, options.region);
  if (!e164) { // not a number libphonenumber accepts: hash the digits in place
    std::array<uint8_t, 32> hash = digest(options.salt, "phone", text);
    std::string out(text);
    size_t n = 0;
    for (char &c : out)
      if (llvm::isDigit(c))
        c = static_cast<char>('0' + hash[n++ % hash.size()] % 10);
    return out;
  }
  std::string code = std::to_string(countryCodeOf(*e164));
  size_t length = e164->size() - 1 - code.size();
  std::string candidate;
  for (unsigned round = 0; round < 16; ++round) { // prefer a number that is valid
    candidate = "+" + code + digits(digest(options.salt, "phone", *e164, round), length);
    if (toE164(candidate, options.region))
      break;
  }
  return candidate;
}

std::string maskName(std::string_view text, MaskKind kind, const std::string &salt) {
  std::array<uint8_t, 32> hash = digest(salt, "name", text);
  std::string_view first = kFirstNames[hash[0] % kFirstNames.size()];
  std::string_view last = kLastNames[hash[1] % kLastNames.size()];
  if (kind == MaskKind::FirstName)
    return std::string(first);
  if (kind == MaskKind::LastName)
    return std::string(last);
  return std::string(first) + " " + std::string(last);
}

llvm::Expected<size_t> maskFile(const std::string &path, const MaskOptions &options,
                                SourceManager &sources, diag::Engine &diags,
                                llvm::raw_ostream &out) {
  auto buffer = CsvFile::map(path);
  if (!buffer)
    return buffer.takeError();
  llvm::StringRef data = (*buffer)->getBuffer();
  { // first pass: a malformed row would be copied unmasked, so write nothing
    CsvFile check(llvm::MemoryBuffer::getMemBuffer(data, path, false), path, 100);
    CsvRow row;
    while (check.nextRow(row)) {
    }
    if (size_t errors = check.diags().errorCount()) {
      check.diags().flush(sources, diags);
      return errors;
    }
  }
  CsvFile file(std::move(*buffer), path, 100);
  std::vector<MaskKind> kinds;
  CsvRow row;
  uint32_t copied = 0; // bytes of the input already written
  std::string cell;
  for (bool header = true; file.nextRow(row); header = false) {
    if (header) {
      for (const CsvCell &c : row.cells)
        kinds.push_back(maskKindOf(c.text, options.program));
      continue;
    }
    for (size_t i = 0; i < row.cells.size() && i < kinds.size(); ++i) {
      const CsvCell &c = row.cells[i];
      if (kinds[i] == MaskKind::Keep || c.text.empty())
        continue;
      std::string masked = kinds[i] == MaskKind::Email   ? maskEmail(c.text, options.salt)
                           : kinds[i] == MaskKind::Phone ? maskPhone(c.text, options)
                                                         : maskName(c.text, kinds[i], options.salt);
      cell.clear();
      appendCell(cell, masked);
      out << data.slice(copied, c.begin) << cell;
      copied = c.end;
    }
  }
  out << data.substr(copied);
  file.diags().flush(sources, diags);
  return 0;
}

} // namespace mac::contacts
