// `mac import`'s one entry point: read what a platform returned for its flows
// (HubSpot `GET /automation/v4/flows/{id}`, a Klaviyo flow with its
// definition, an SFMC journey from `/interaction/v1/interactions`) and
// return the files of a readable bundle: bundle.flow, the inferred data
// model, template declarations, one file per flow, and
// bindings/<target>.<env>.json. What Flow cannot express is kept as an
// `// IMPORT:` comment where it stood and reported (MAC9003).
#pragma once

#include "compiler/diag/engine.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mac::importer {

enum class Platform : uint8_t { Hubspot, Klaviyo, Sfmc };

/// "hubspot", "klaviyo", "sfmc".
std::optional<Platform> platformNamed(std::string_view name);
std::string_view platformName(Platform platform);

struct ImportRequest {
  Platform from = Platform::Hubspot;
  std::vector<std::string> files; ///< the platform's JSON responses
  std::string env;                ///< the environment they come from; empty: infer (else prod)
  std::string bundleName;         ///< the bundle's identifier (e.g. from the output directory)
};

/// Imports `request.files`. Reports MAC9xxx into `diags` (every input file is
/// added to `sources`). Returns the bundle's files (path → contents), or
/// nullopt when an error was reported: then nothing may be written.
std::optional<std::map<std::string, std::string>>
importBundle(const ImportRequest &request, SourceManager &sources, diag::Engine &diags);

} // namespace mac::importer
