// Credentials from the environment, the Redactor and endpoint checks
// (see credentials.h).
#include "deploy/credentials.h"

#include "deploy/http.h"

#include <llvm/Support/MemoryBuffer.h>
#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace mac::deploy {

void Redactor::add(const std::string &secret) {
  if (secret.size() < 4)
    return; // too short to mask without masking ordinary text
  secrets_.insert(secret);
  secrets_.insert(percentEncode(secret));
}

std::string Redactor::operator()(std::string text) const {
  for (const std::string &secret : secrets_) {
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
      text.replace(at, secret.size(), "***");
  }
  return text;
}

std::vector<CredentialSpec> credentialSpecs(const std::string &target) {
  if (target == "hubspot")
    return {{"MAC_HUBSPOT_TOKEN"}};
  if (target == "klaviyo")
    return {{"MAC_KLAVIYO_API_KEY"}};
  if (target == "sfmc")
    return {{"MAC_SFMC_CLIENT_ID"},
            {"MAC_SFMC_CLIENT_SECRET"},
            {"MAC_SFMC_SUBDOMAIN", true, false},
            {"MAC_SFMC_ACCOUNT_ID", false, false}};
  if (target == "marketo")
    return {{"MAC_MARKETO_CLIENT_ID"},
            {"MAC_MARKETO_CLIENT_SECRET"},
            {"MAC_MARKETO_MUNCHKIN_ID", true, false},
            {"MAC_MARKETO_FOLDER_ID", true, false}};
  if (target == "activecampaign")
    return {{"MAC_ACTIVECAMPAIGN_API_TOKEN"}, {"MAC_ACTIVECAMPAIGN_ACCOUNT", true, false}};
  if (target == "gohighlevel")
    return {{"MAC_GOHIGHLEVEL_TOKEN"}, {"MAC_GOHIGHLEVEL_LOCATION_ID", true, false}};
  return {};
}

namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  });
  return text;
}

/// The value of `name` (or of the file `name_FILE` names); nullopt when unset.
llvm::Expected<std::optional<std::string>> lookup(const std::string &name) {
  if (const char *value = std::getenv(name.c_str()); value && *value)
    return std::optional<std::string>(value);
  const char *file = std::getenv((name + "_FILE").c_str());
  if (!file || !*file)
    return std::optional<std::string>();
  auto buffer = llvm::MemoryBuffer::getFile(file);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read %s_FILE (%s): %s", name.c_str(),
                                   file, buffer.getError().message().c_str());
  std::string text = (*buffer)->getBuffer().str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return std::optional<std::string>(text);
}

} // namespace

llvm::Expected<std::map<std::string, std::string>>
readCredentials(const std::string &target, const std::string &env, Redactor &redactor) {
  std::map<std::string, std::string> values;
  std::vector<std::string> missing;
  for (const CredentialSpec &spec : credentialSpecs(target)) {
    std::optional<std::string> value;
    for (const std::string &name : {spec.variable + "_" + upper(env), spec.variable}) {
      auto found = lookup(name);
      if (!found)
        return found.takeError();
      if (*found) {
        value = **found;
        break;
      }
    }
    if (!value) {
      if (spec.required)
        missing.push_back(spec.variable);
      continue;
    }
    if (spec.secret)
      redactor.add(*value);
    values[spec.variable] = *value;
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string &name : missing)
      list += (list.empty() ? "" : ", ") + name;
    return llvm::createStringError(std::errc::invalid_argument,
                                   "missing credentials for %s: set %s (or %s_%s, or a *_FILE "
                                   "variable naming a file); see docs/deploy.md",
                                   target.c_str(), list.c_str(), missing.front().c_str(),
                                   upper(env).c_str());
  }
  return values;
}

llvm::Expected<std::string> checkEndpoint(const std::string &url) {
  UriUriA uri;
  const char *errorPos = nullptr;
  if (uriParseSingleUriA(&uri, url.c_str(), &errorPos) != URI_SUCCESS)
    return llvm::createStringError(std::errc::invalid_argument, "--endpoint %s is not a URL",
                                   url.c_str());
  auto part = [](const UriTextRangeA &range) {
    return range.first ? std::string(range.first, range.afterLast) : std::string();
  };
  std::string scheme = part(uri.scheme), host = part(uri.hostText);
  bool hasQuery = uri.query.first != nullptr || uri.fragment.first != nullptr;
  uriFreeUriMembersA(&uri);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host.empty() || hasQuery)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "--endpoint %s must be scheme://host[:port][/path]",
                                   url.c_str());
  bool loopback = host == "127.0.0.1" || host == "::1" || host == "localhost";
  if (scheme != "https" && !(scheme == "http" && loopback))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "--endpoint %s: only https is allowed (plain http only to "
                                   "127.0.0.1, ::1 or localhost)",
                                   url.c_str());
  std::string out = url;
  while (!out.empty() && out.back() == '/')
    out.pop_back();
  return out;
}

} // namespace mac::deploy
