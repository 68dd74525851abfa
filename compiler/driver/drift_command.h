// `mac drift --target T --env ENV EXPORT.json... [--bundle DIR] [--release V]`:
// compare flows as a platform holds them (exports of its read endpoint) with
// what a snapshot compiled for that environment (the newest, or --release),
// and list every edit made by hand in the platform's editor, plus exported
// flows the release does not know. Exit 0 no drift, 1 drift, 2 usage or I/O.
#pragma once

#include <string>
#include <vector>

namespace mac::driver {

struct DriftOptions {
  std::string target, env, bundle = ".", release, releases;
  std::vector<std::string> exports;
  bool json = false;
};

int runDrift(const DriftOptions &options);

} // namespace mac::driver
