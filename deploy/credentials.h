// Credentials for `mac deploy`, only ever from the environment: for a
// variable V, `V_<ENV>` (the environment's name upper-cased) wins over `V`,
// and `V_FILE` / `V_<ENV>_FILE` name a file holding the value. Every value
// read is registered with the Redactor, which every message `mac deploy`
// prints passes through, so a credential echoed by a platform's error answer
// is masked too. Nothing here logs.
#pragma once

#include <llvm/Support/Error.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mac::deploy {

/// Masks every registered secret (and its URL-encoded form) as `***`.
class Redactor {
public:
  void add(const std::string &secret);
  std::string operator()(std::string text) const;

private:
  std::set<std::string> secrets_;
};

/// The variables a target needs, in the order they are documented.
struct CredentialSpec {
  std::string variable;
  bool required = true;
  bool secret = true; ///< false: an account name or id, still never logged
};
std::vector<CredentialSpec> credentialSpecs(const std::string &target);

/// Values by variable name (without the _<ENV> suffix). Reads the process
/// environment; an error naming every missing required variable.
llvm::Expected<std::map<std::string, std::string>>
readCredentials(const std::string &target, const std::string &env, Redactor &redactor);

/// Checks an `--endpoint` URL: https, or http only to 127.0.0.1, ::1 or
/// localhost. Returns it without a trailing slash.
llvm::Expected<std::string> checkEndpoint(const std::string &url);

} // namespace mac::deploy
