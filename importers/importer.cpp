// importBundle (see importer.h): load every file, infer the environment
// prefix from the flows' display names, note the definitions flows name by
// key (SFMC entry events), run the platform's importer on each file in the
// order given, and render the bundle.
#include "importers/importer.h"

#include "importers/platforms.h"

namespace mac::importer {

std::optional<Platform> platformNamed(std::string_view name) {
  if (name == "hubspot")
    return Platform::Hubspot;
  if (name == "klaviyo")
    return Platform::Klaviyo;
  if (name == "sfmc")
    return Platform::Sfmc;
  return std::nullopt;
}

std::string_view platformName(Platform platform) {
  switch (platform) {
  case Platform::Hubspot:
    return "hubspot";
  case Platform::Klaviyo:
    return "klaviyo";
  case Platform::Sfmc:
    return "sfmc";
  }
  return "";
}

namespace {

std::vector<std::string> flowNames(Platform platform, const json &value) {
  switch (platform) {
  case Platform::Hubspot:
    return hubspot::flowNames(value);
  case Platform::Klaviyo:
    return klaviyo::flowNames(value);
  case Platform::Sfmc:
    return sfmc::flowNames(value);
  }
  return {};
}

/// The prefix every flow's display name starts with, if they all share one.
std::string commonPrefix(const std::vector<std::string> &names) {
  std::string prefix;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string mine = splitPrefix(names[i]).first;
    if (mine.empty() || (i > 0 && mine != prefix))
      return {};
    prefix = mine;
  }
  return prefix;
}

} // namespace

std::optional<std::map<std::string, std::string>>
importBundle(const ImportRequest &request, SourceManager &sources, diag::Engine &diags) {
  std::vector<JsonFile> files;
  for (const std::string &path : request.files)
    if (std::optional<JsonFile> file = loadJson(path, sources, diags))
      files.push_back(std::move(*file));
  if (diags.hasErrors())
    return std::nullopt;

  BundleModel model{std::string(platformName(request.from))};
  std::vector<std::string> names;
  for (const JsonFile &file : files)
    for (std::string &name : flowNames(request.from, file.value))
      names.push_back(std::move(name));
  std::string prefix = commonPrefix(names);
  model.setPrefix(prefix);
  if (!request.env.empty())
    model.setEnv(request.env, true);
  else if (!prefix.empty())
    model.setEnv(envOfPrefix(prefix));
  if (!request.bundleName.empty())
    model.setBundle(request.bundleName, "");

  ImportContext ctx(model, sources, diags);
  if (request.from == Platform::Sfmc)
    for (const JsonFile &file : files) {
      ctx.setFile(file);
      try {
        sfmc::noteDefinitions(ctx, file);
      } catch (const json::exception &) {
        // not definitions: importFile reports the file
      }
    }
  for (const JsonFile &file : files) {
    ctx.setFile(file);
    try { // a value of an unexpected type deep in the platform's JSON
      switch (request.from) {
      case Platform::Hubspot:
        hubspot::importFile(ctx, file);
        break;
      case Platform::Klaviyo:
        klaviyo::importFile(ctx, file);
        break;
      case Platform::Sfmc:
        sfmc::importFile(ctx, file);
        break;
      }
    } catch (const json::exception &e) {
      ctx.shape("", std::string("values of the types the platform returns (") + e.what() + ")");
    }
  }
  if (diags.hasErrors())
    return std::nullopt;
  return model.render();
}

} // namespace mac::importer
