// Throttle windows and dedupe indexes shared by a population (population.h).
#include "simulator/population.h"

#include <llvm/Support/xxhash.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>

namespace mac::sim {

namespace {

int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

Population::Population(size_t flowCount) : flows_(flowCount) {}

Instant Population::reserveEnrolment(sema::FlowId flow, Instant at,
                                     const std::optional<sema::Rate> &env,
                                     const std::optional<sema::Rate> &own) {
  FlowState &state = flows_[flow.value];
  auto room = [](Windows &windows, const std::optional<sema::Rate> &rate, Instant t) -> Instant {
    if (!rate || rate->count <= 0 || rate->perSeconds <= 0)
      return t;
    int64_t first = floorDiv(t, rate->perSeconds);
    int64_t window = first;
    while (windows.used[window] >= rate->count) {
      auto next = windows.skip.find(window);
      window = next == windows.skip.end() ? window + 1 : next->second;
    }
    if (window != first)
      windows.skip[first] = window; // every window in between is full
    return std::max(t, window * rate->perSeconds);
  };
  Instant t = at;
  for (int i = 0; i < 64; ++i) { // settles at once unless the two rates disagree
    Instant next = room(state.own, own, room(state.env, env, t));
    if (next == t)
      break;
    t = next;
  }
  if (env && env->perSeconds > 0)
    ++state.env.used[floorDiv(t, env->perSeconds)];
  if (own && own->perSeconds > 0)
    ++state.own.used[floorDiv(t, own->perSeconds)];
  return t;
}

std::optional<uint64_t> Population::claimDedupe(sema::FlowId flow,
                                                const std::vector<std::string> &keys,
                                                uint64_t identity) {
  auto &index = flows_[flow.value].dedupe;
  for (const std::string &key : keys) {
    auto found = index.find(llvm::xxHash64(key));
    if (found != index.end() && found->second != identity)
      return found->second;
  }
  for (const std::string &key : keys)
    index.emplace(llvm::xxHash64(key), identity);
  return std::nullopt;
}

std::string dedupeKey(const sema::Field &field, const std::string &text) {
  std::string key = text;
  key.erase(key.begin(),
            std::find_if(key.begin(), key.end(), [](unsigned char c) { return !std::isspace(c); }));
  while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
    key.pop_back();
  if (key.empty())
    return key;
  if (field.type == sema::FieldType::Email) {
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return std::tolower(c); });
  } else if (field.type == sema::FieldType::Phone) {
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(key, "US", &number) == PhoneNumberUtil::NO_PARSING_ERROR) {
      std::string e164;
      util.Format(number, PhoneNumberUtil::E164, &e164);
      key = e164;
    } else {
      key.erase(
          std::remove_if(key.begin(), key.end(), [](unsigned char c) { return !std::isdigit(c); }),
          key.end());
    }
  }
  return field.name + "=" + key;
}

} // namespace mac::sim
