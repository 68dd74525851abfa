// BuildContext: environment-aware questions backends ask, bindings lookups
// with MAC7003, case-by-case MAC7001/MAC7002, and ids derived from hashes.
#include "backends/build_context.h"

#include "analyzer/program_queries.h"

#include <llvm/Support/ErrorHandling.h>

#include <llvm/ADT/StringExtras.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace mac::backend {

// OpenSSL's SHA-256 uses the CPU's SHA instructions: 4x LLVM's portable
// one on this machine, and a build hashes every file it writes, on the
// worker threads. OpenSSL keeps state per thread; by default its exit
// handler frees every thread's state and then a worker's own thread-exit
// destructor frees it again (AddressSanitizer: double free). Without the
// exit handler each thread frees its own state when it ends, and the
// process's shared state is simply left to the exit.
std::string sha256Hex(std::string_view bytes) {
  static const bool initialised = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
  if (!initialised)
    llvm::report_fatal_error("OpenSSL could not be initialised");
  std::array<uint8_t, 32> digest;
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
      length != digest.size())
    llvm::report_fatal_error("OpenSSL could not compute a SHA-256 digest");
  return llvm::toHex(digest, /*LowerCase=*/true);
}

std::string_view bindingKind(sema::AssetKind kind) {
  switch (kind) {
  case sema::AssetKind::Email:
    return "email";
  case sema::AssetKind::Sms:
    return "sms";
  case sema::AssetKind::Push:
    return "push";
  default:
    return sema::assetKindName(kind);
  }
}

BuildContext::BuildContext(const sema::Program &program, const SourceManager &sources,
                           const analyzer::EnvironmentModel &environments, sema::EnvId env,
                           std::string_view target, const Bindings &bindings,
                           const BuildOptions &options, diag::Engine &diags)
    : program_(program), sources_(sources), environments_(environments), env_(env), target_(target),
      bindings_(bindings), options_(options), diags_(diags), flags_(program, environments, env) {}

std::string releaseTag(const sema::Bundle &bundle) {
  if (bundle.version.empty() || bundle.release.empty())
    return bundle.version.empty() ? bundle.release : bundle.version;
  return bundle.release + "-" + bundle.version;
}

std::string BuildContext::displayName(const sema::Declared &decl) const {
  const std::optional<sema::Text> &prefix = environment().prefix();
  return (prefix ? prefix->value : std::string()) + decl.display;
}

const FlowPlan &BuildContext::plan(sema::FlowId flow, const PlanOptions &options) {
  std::unique_ptr<FlowPlan> &slot = plans_[{flow.value, options.tree}];
  if (slot)
    return *slot;
  slot = std::make_unique<FlowPlan>(buildFlowPlan(program_, environments_, env_, flow, options));
  if (slot->tooLarge) {
    const sema::Flow &decl = program_.flows[flow.value];
    std::string limit = std::to_string(options.maxNodes);
    unsupported(decl.nameRange, Construct::Branch,
                options.tree ? "its branches cannot rejoin on this platform, and copying the rest "
                               "of the flow into each branch would exceed " +
                                   limit +
                                   " steps; split the flow, or move shared steps into a flow "
                                   "of their own"
                             : "the flow has more than " + limit +
                                   " steps; split it into flows of their own");
  }
  return *slot;
}

std::optional<std::string> BuildContext::boundId(sema::AssetRef asset) const {
  return bindings_.find(bindingKind(asset.kind), program_.declared(asset).name);
}

std::string BuildContext::platformId(sema::AssetRef asset, SourceRange use) {
  if (std::optional<std::string> id = boundId(asset))
    return *id;
  const sema::Declared &decl = program_.declared(asset);
  return unbound(sema::assetKindName(asset.kind), bindingKind(asset.kind), decl.name, use,
                 decl.nameRange);
}

std::string BuildContext::externalId(std::string_view kind, const std::string &name,
                                     SourceRange use) {
  if (std::optional<std::string> id = bindings_.find(kind, name))
    return *id;
  return unbound(kind, kind, name, use, SourceRange{});
}

std::string BuildContext::unbound(std::string_view what, std::string_view kind,
                                  const std::string &name, SourceRange use, SourceRange declared) {
  std::string file = bindings_.path().empty()
                         ? "bindings/" + target_ + "." + std::string(environment().name()) + ".json"
                         : bindings_.path();
  if (reportedUnbound_.insert({std::string(kind), name}).second) {
    diag::Diagnostic &d = diags_.report(diag::Code::UnboundAsset, use, what, name, file);
    if (production())
      d.severity = diag::Severity::Error;
    if (declared.isValid())
      d.notes.push_back({"`" + name + "` is declared here", declared});
    d.notes.push_back({"add it as \"" + std::string(kind) + "\": {\"" + name + "\": \"<" + target_ +
                           " id>\"} in " + file,
                       SourceRange{}});
  }
  return "unbound:" + std::string(kind) + ":" + name;
}

std::string BuildContext::fieldName(sema::FieldId field) const {
  const std::string &name = program_.field(field).name;
  return bindings_.find("field", name).value_or(name);
}

std::string BuildContext::webhookUrl(sema::WebhookId webhook) const {
  const analyzer::Endpoint &endpoint = environments_.endpoint(env_, webhook);
  return endpoint.exists() ? endpoint.url->value : std::string();
}

std::vector<const sema::PolicyRule *> BuildContext::policies(const sema::Flow &flow) const {
  return analyzer::policyRulesInForce(program_, flow);
}

std::optional<sema::Rate> BuildContext::throttle(const sema::Flow &flow) const {
  const std::optional<sema::Rate> &own = flow.throttle;
  const std::optional<sema::Rate> &env = environment().throttle();
  if (!own || !env)
    return own ? own : env;
  // Compare count/perSeconds without division: the smaller rate wins.
  bool envStricter = env->count * own->perSeconds < own->count * env->perSeconds;
  return envStricter ? env : own;
}

void BuildContext::approximated(SourceRange range, Construct construct, std::string how) {
  diags_.report(diag::Code::ApproximatedOnTarget, range, constructInfo(construct).phrase, target_,
                how);
}

void BuildContext::unsupported(SourceRange range, Construct construct, std::string why) {
  diags_.report(diag::Code::UnsupportedOnTarget, range, constructInfo(construct).phrase, target_,
                why.empty() ? std::string() : "; " + why);
}

std::string BuildContext::stableId(std::string_view seed) { return sha256Hex(seed).substr(0, 16); }

std::string BuildContext::stableUuid(std::string_view seed) {
  std::string hex = sha256Hex(seed).substr(0, 32);
  hex[12] = '5';                                      // version 5 layout
  hex[16] = "89ab"[llvm::hexDigitValue(hex[16]) & 3]; // RFC 4122 variant
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace mac::backend
