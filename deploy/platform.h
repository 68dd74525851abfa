// The interface each platform implements for `mac deploy` (one file per
// platform in platforms/): connect (authenticate), read what the platform
// holds, apply a resource, switch one off, or — for platforms without an
// API to write automations — verify what a person built. Adapters are
// straight-line HTTP through a Session; every operation that changes the
// platform runs inside Progress::step, so an interrupted resource resumes
// after its last finished operation and nothing is applied twice.
#pragma once

#include "deploy/deploy_state.h"
#include "deploy/resources.h"
#include "deploy/session.h"
#include "release/json_drift.h"

#include <functional>
#include <map>
#include <memory>

namespace mac::deploy {

/// How far one resource got, persisted after every operation.
class Progress {
public:
  Progress(ResourceProgress &progress, std::function<llvm::Error()> commit)
      : progress_(progress), commit_(std::move(commit)) {}
  /// Runs `operation` unless an earlier run finished it, then records it.
  llvm::Error step(const std::function<llvm::Error()> &operation);
  /// Values operations saved (ids created), kept across runs.
  nlohmann::json &saved() { return progress_.saved; }

private:
  ResourceProgress &progress_;
  std::function<llvm::Error()> commit_;
  int next_ = 0;
};

class Platform {
public:
  virtual ~Platform();
  /// False for platforms with no API to write automations: the plan lists
  /// their flows as manual and --apply only verifies them.
  virtual bool writesAutomations() const { return true; }
  /// Authenticates and sets the session's headers (and base URL if the
  /// platform hands one out).
  virtual llvm::Error connect(Session &session,
                              const std::map<std::string, std::string> &credentials) = 0;
  /// What the platform holds for an applied resource, shaped like its
  /// payload; nullopt when it is gone or this kind cannot be read.
  virtual llvm::Expected<std::optional<nlohmann::json>>
  read(Session &session, const Resource &resource, const ResourceRecord &record) = 0;
  /// Creates (`current` null) or updates a resource; the record to keep.
  virtual llvm::Expected<ResourceRecord> apply(Session &session, const Resource &resource,
                                               const ResourceRecord *current,
                                               Progress &progress) = 0;
  /// Switches off (never deletes) what `record` points at.
  virtual llvm::Error switchOff(Session &session, const std::string &key, ResourceRecord &record,
                                Progress &progress) = 0;
  /// Manual platforms: checks what a person built; one line per finding.
  virtual llvm::Expected<std::vector<std::string>> verify(Session &session,
                                                          const Resource &resource);
  /// Keys the platform assigns itself, for the plan's semantic difference.
  virtual release::DriftRules driftRules(const std::string &kind) const;
  /// The platform's default base URL from the credentials.
  virtual std::string
  defaultBaseUrl(const std::map<std::string, std::string> &credentials) const = 0;
};

/// Platforms whose API cannot write automations (ActiveCampaign,
/// GoHighLevel): every flow is `manual` in the plan; applying or switching
/// one off is refused; subclasses implement connect, defaultBaseUrl, verify.
class ManualPlatform : public Platform {
public:
  explicit ManualPlatform(std::string automations) : automations_(std::move(automations)) {}
  bool writesAutomations() const override { return false; }
  llvm::Expected<std::optional<nlohmann::json>> read(Session &, const Resource &,
                                                     const ResourceRecord &) override;
  llvm::Expected<ResourceRecord> apply(Session &, const Resource &resource, const ResourceRecord *,
                                       Progress &) override;
  llvm::Error switchOff(Session &, const std::string &key, ResourceRecord &, Progress &) override;

private:
  std::string automations_; ///< e.g. "ActiveCampaign automations"
};

/// A platform id as text: strings as they are, numbers written out.
std::string idText(const nlohmann::json &value);

/// The adapter for a target; null for a target mac cannot deploy.
std::unique_ptr<Platform> makePlatform(const std::string &target);

} // namespace mac::deploy
