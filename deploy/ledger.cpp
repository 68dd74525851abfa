// Reading, validating and appending the release ledger (see ledger.h).
#include "deploy/ledger.h"

#include <llvm/ADT/ScopeExit.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unistd.h>

namespace mac::deploy {
namespace {

using nlohmann::json;

llvm::Error invalid(const llvm::Twine &why) {
  return llvm::createStringError(std::make_error_code(std::errc::invalid_argument), why);
}

bool isKnownKind(const std::string &kind) {
  for (const char *known : kLedgerKinds)
    if (kind == known)
      return true;
  return false;
}

/// Checks the keys of one entry; `kind` names the entry in messages.
class KeyChecker {
public:
  KeyChecker(const json &entry, std::string kind) : entry_(entry), kind_(std::move(kind)) {}

  /// A non-empty string.
  llvm::Error string(const char *key) {
    auto it = entry_.find(key);
    if (it == entry_.end() || !it->is_string() || it->get_ref<const std::string &>().empty())
      return invalid("`" + kind_ + "` entry needs a non-empty string `" + key + "`");
    return llvm::Error::success();
  }
  llvm::Error optionalString(const char *key) {
    if (entry_.contains(key) && !entry_.at(key).is_string())
      return invalid("`" + kind_ + "` entry: `" + key + "` must be a string");
    return llvm::Error::success();
  }
  llvm::Error time(const char *key) {
    if (llvm::Error error = string(key))
      return error;
    if (auto parsed = parseLedgerTime(entry_.at(key).get<std::string>()); !parsed)
      return invalid("`" + kind_ + "` entry: `" + key + "`: " + llvm::toString(parsed.takeError()));
    return llvm::Error::success();
  }
  llvm::Error count(const char *key) {
    auto it = entry_.find(key);
    if (it == entry_.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
      return invalid("`" + kind_ + "` entry needs a count (an integer >= 0) `" + key + "`");
    return llvm::Error::success();
  }
  llvm::Error oneOf(const char *key, std::initializer_list<const char *> values) {
    if (llvm::Error error = string(key))
      return error;
    const std::string &value = entry_.at(key).get_ref<const std::string &>();
    std::string allowed;
    for (const char *candidate : values) {
      if (value == candidate)
        return llvm::Error::success();
      allowed += allowed.empty() ? candidate : std::string(", ") + candidate;
    }
    return invalid("`" + kind_ + "` entry: `" + key + "` must be one of " + allowed + ", not '" +
                   value + "'");
  }
  llvm::Error incidentId() {
    if (llvm::Error error = string("incident"))
      return error;
    llvm::StringRef id = entry_.at("incident").get_ref<const std::string &>();
    unsigned number = 0;
    if (!id.consume_front("INC-") || id.getAsInteger(10, number) || number == 0)
      return invalid("`" + kind_ + "` entry: `incident` must look like INC-1, not '" +
                     entry_.at("incident").get<std::string>() + "'");
    return llvm::Error::success();
  }

private:
  const json &entry_;
  std::string kind_;
};

llvm::Error validateDeployKeys(KeyChecker &keys, const json &entry) {
  for (const char *key : {"env", "target", "release", "version"})
    if (llvm::Error error = keys.string(key))
      return error;
  if (llvm::Error error = keys.oneOf("outcome", {"succeeded", "failed", "unchanged"}))
    return error;
  if (llvm::Error error = keys.oneOf("via", {"deploy", "promote", "rollback"}))
    return error;
  if (llvm::Error error = keys.count("applied"))
    return error;
  if (llvm::Error error = keys.count("planned"))
    return error;
  if (entry.at("outcome") == "failed")
    return keys.string("error");
  return keys.optionalString("error");
}

llvm::Error validateKindKeys(KeyChecker &keys, const std::string &kind, const json &entry) {
  if (kind == "snapshot") {
    for (const char *key : {"release", "version", "bundle"})
      if (llvm::Error error = keys.string(key))
        return error;
    return keys.oneOf("outcome", {"succeeded"});
  }
  if (kind == "deploy")
    return validateDeployKeys(keys, entry);
  if (kind == "rollback") {
    if (llvm::Error error = validateDeployKeys(keys, entry))
      return error;
    return keys.string("from");
  }
  if (kind == "incident-open") {
    if (llvm::Error error = keys.incidentId())
      return error;
    for (const char *key : {"env", "release", "summary"})
      if (llvm::Error error = keys.string(key))
        return error;
    if (llvm::Error error = keys.time("detected"))
      return error;
    return keys.optionalString("blast_radius");
  }
  if (kind == "incident-close") {
    if (llvm::Error error = keys.incidentId())
      return error;
    if (llvm::Error error = keys.time("mitigated"))
      return error;
    if (llvm::Error error = keys.time("resolved"))
      return error;
    return keys.optionalString("notes");
  }
  return llvm::Error::success(); // an unknown kind the caller allowed
}

/// Reads the whole file behind `fd` from its current offset.
llvm::Error readAll(int fd, llvm::SmallVectorImpl<char> &text) {
  return llvm::sys::fs::readNativeFileToEOF(llvm::sys::fs::convertFDToNativeFile(fd), text);
}

} // namespace

LedgerTime LedgerEntry::timeOf(const char *key) const {
  auto parsed = parseLedgerTime(str(key));
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return 0;
  }
  return *parsed;
}

std::string LedgerEntry::str(const char *key) const {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool LedgerEntry::isSucceededDeploy() const {
  std::string k = kind();
  return (k == "deploy" || k == "rollback") && str("outcome") == "succeeded";
}

std::string ledgerPath(const std::string &releasesDir) {
  llvm::SmallString<256> path(releasesDir);
  llvm::sys::path::append(path, kLedgerFileName);
  return std::string(path);
}

std::string ledgerActor(const std::string &flag) {
  if (!flag.empty())
    return flag;
  for (const char *variable : {"MAC_ACTOR", "USER"})
    if (const char *value = std::getenv(variable); value && *value)
      return value;
  return "unknown";
}

llvm::Error validateLedgerEntry(const json &entry, bool allowUnknownKind) {
  if (!entry.is_object())
    return invalid("not a JSON object");
  auto kindIt = entry.find("kind");
  if (kindIt == entry.end() || !kindIt->is_string())
    return invalid("no string `kind`");
  std::string kind = kindIt->get<std::string>();
  if (!allowUnknownKind && !isKnownKind(kind))
    return invalid("unknown kind '" + kind + "'");
  auto seq = entry.find("seq");
  if (seq == entry.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1)
    return invalid("`" + kind + "` entry needs an integer `seq` >= 1");
  KeyChecker keys(entry, kind);
  if (llvm::Error error = keys.time("time"))
    return error;
  if (llvm::Error error = keys.string("actor"))
    return error;
  return validateKindKeys(keys, kind, entry);
}

llvm::Expected<std::vector<LedgerEntry>> parseLedger(llvm::StringRef text, llvm::StringRef name) {
  std::vector<LedgerEntry> entries;
  llvm::SmallVector<llvm::StringRef, 0> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (line.empty())
      continue;
    std::string where = name.str() + ":" + std::to_string(i + 1) + ": ";
    json object = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded())
      return invalid(where + "not valid JSON");
    if (llvm::Error error = validateLedgerEntry(object, /*allowUnknownKind=*/true))
      return invalid(where + llvm::toString(std::move(error)));
    std::int64_t expected = entries.empty() ? 1 : entries.back().seq() + 1;
    LedgerEntry entry{std::move(object), int(i + 1)};
    if (entry.seq() != expected)
      return invalid(where + "seq " + std::to_string(entry.seq()) + " where " +
                     std::to_string(expected) + " was expected");
    entries.push_back(std::move(entry));
  }
  return entries;
}

llvm::Expected<std::vector<LedgerEntry>> readLedger(const std::string &releasesDir) {
  std::string path = ledgerPath(releasesDir);
  if (!llvm::sys::fs::exists(path))
    return std::vector<LedgerEntry>{};
  int fd = -1;
  if (std::error_code error = llvm::sys::fs::openFileForRead(path, fd))
    return llvm::createStringError(error, "cannot read '" + path + "': " + error.message());
  auto close = llvm::make_scope_exit([&] { ::close(fd); });
  llvm::SmallString<0> text;
  if (llvm::Error error = readAll(fd, text))
    return llvm::createStringError(std::make_error_code(std::errc::io_error),
                                   "cannot read '" + path + "': " + toString(std::move(error)));
  return parseLedger(text, path);
}

llvm::Expected<LedgerEntry> appendLedgerEntry(const std::string &releasesDir, json entry,
                                              LedgerCheck check) {
  if (!entry.is_object())
    return invalid("a ledger entry must be a JSON object");
  if (std::error_code error = llvm::sys::fs::create_directories(releasesDir))
    return llvm::createStringError(error,
                                   "cannot create '" + releasesDir + "': " + error.message());
  std::string path = ledgerPath(releasesDir);
  int fd = -1;
  if (std::error_code error = llvm::sys::fs::openFileForReadWrite(
          path, fd, llvm::sys::fs::CD_OpenAlways, llvm::sys::fs::OF_Append))
    return llvm::createStringError(error, "cannot open '" + path + "': " + error.message());
  // POSIX record locks belong to the process and go with any descriptor of
  // the file that is closed: everything below uses `fd` only.
  auto close = llvm::make_scope_exit([&] { ::close(fd); });
  if (std::error_code error = llvm::sys::fs::tryLockFile(fd, std::chrono::seconds(30)))
    return llvm::createStringError(error, "cannot lock '" + path + "': " + error.message());
  auto unlock = llvm::make_scope_exit([&] { llvm::sys::fs::unlockFile(fd); });

  llvm::SmallString<0> text;
  if (llvm::Error error = readAll(fd, text))
    return llvm::createStringError(std::make_error_code(std::errc::io_error),
                                   "cannot read '" + path + "': " + toString(std::move(error)));
  auto existing = parseLedger(text, path);
  if (!existing)
    return existing.takeError();

  entry["seq"] = existing->empty() ? 1 : existing->back().seq() + 1;
  if (!entry.contains("time")) {
    auto now = ledgerNow();
    if (!now)
      return now.takeError();
    entry["time"] = formatLedgerTime(*now);
  }
  if (!entry.contains("actor"))
    entry["actor"] = ledgerActor("");
  if (entry.contains("kind") && entry.at("kind") == "incident-open" &&
      !entry.contains("incident")) {
    size_t incidents = 1;
    for (const LedgerEntry &old : *existing)
      incidents += old.kind() == "incident-open";
    entry["incident"] = "INC-" + std::to_string(incidents);
  }
  if (check)
    if (llvm::Error error = check(*existing, entry))
      return error;
  if (llvm::Error error = validateLedgerEntry(entry))
    return invalid("not appended to '" + path + "': " + toString(std::move(error)));

  // One write of one whole line; a file whose last line lacks its newline
  // (edited by hand) gets one first.
  bool unterminated = !text.empty() && text.back() != '\n';
  std::string line = unterminated ? "\n" : "";
  line += entry.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  llvm::raw_fd_ostream out(fd, /*shouldClose=*/false, /*unbuffered=*/true);
  out.write(line.data(), line.size());
  std::error_code written = out.error();
  out.clear_error();
  if (!written && ::fsync(fd) != 0)
    written = std::error_code(errno, std::generic_category());
  if (written)
    return llvm::createStringError(written, "cannot write '" + path + "': " + written.message());
  int number = int(std::count(text.begin(), text.end(), '\n')) + 1 + unterminated;
  return LedgerEntry{std::move(entry), number};
}

} // namespace mac::deploy
