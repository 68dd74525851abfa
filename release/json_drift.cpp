// Structural JSON comparison for drift (see json_drift.h). Iterative over an
// explicit stack, so a deeply nested export cannot overflow the call stack.
#include "release/json_drift.h"

#include <algorithm>
#include <map>
#include <optional>

namespace mac::release {
namespace {

bool isEmptyValue(const nlohmann::json &value) {
  return value.is_null() || (value.is_string() && value.get_ref<const std::string &>().empty()) ||
         (value.is_boolean() && !value.get<bool>()) || (value.is_number() && value == 0) ||
         (value.is_array() && value.empty()) || (value.is_object() && value.empty());
}

/// A JSON value as a key ("3" and 3 name the same action).
std::string identity(const nlohmann::json &value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

/// Arrays of objects where at least one element carries the identity key.
/// Elements with the key pair up by it; those without (ActiveCampaign's
/// `goto` and `end` blocks as compiled) pair up in order among themselves.
bool keyedArray(const nlohmann::json &a, const nlohmann::json &b, const std::string &key) {
  if (key.empty() || !a.is_array() || !b.is_array())
    return false;
  bool anyKey = false;
  for (const nlohmann::json *array : {&a, &b})
    for (const nlohmann::json &element : *array) {
      if (!element.is_object())
        return false;
      anyKey |= element.contains(key);
    }
  return anyKey;
}

/// Work on the explicit stack: compare two values, or emit an edit found
/// while comparing their parent (so edits come out in document order).
struct Pending {
  const nlohmann::json *compiled, *platform;
  std::string path;
  std::optional<DriftEdit> edit;
};

} // namespace

std::string_view driftKindName(DriftKind kind) {
  switch (kind) {
  case DriftKind::Changed:
    return "changed";
  case DriftKind::Added:
    return "added";
  case DriftKind::Removed:
    return "removed";
  }
  return "changed";
}

std::vector<DriftEdit> compareJson(const nlohmann::json &compiled, const nlohmann::json &platform,
                                   const DriftRules &rules) {
  std::vector<DriftEdit> edits;
  std::vector<Pending> stack{{&compiled, &platform, "", std::nullopt}};
  auto child = [](const std::string &path, const std::string &name) {
    return path.empty() ? name : path + "." + name;
  };
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    if (item.edit) {
      edits.push_back(std::move(*item.edit));
      continue;
    }
    const nlohmann::json &c = *item.compiled, &p = *item.platform;
    std::vector<Pending> next; // in document order; pushed reversed
    auto emit = [&](DriftKind kind, std::string path, nlohmann::json compiled,
                    nlohmann::json platform) {
      next.push_back({nullptr, nullptr, "",
                      DriftEdit{kind, std::move(path), std::move(compiled), std::move(platform)}});
    };
    if (c.is_object() && p.is_object()) {
      for (const auto &[key, value] : c.items()) {
        if (rules.ignoredKeys.count(key))
          continue;
        auto found = p.find(key);
        if (found == p.end())
          emit(DriftKind::Removed, child(item.path, key), value, nullptr);
        else
          next.push_back({&value, &*found, child(item.path, key), std::nullopt});
      }
      for (const auto &[key, value] : p.items())
        if (!c.contains(key) && !rules.ignoredKeys.count(key) && !isEmptyValue(value))
          emit(DriftKind::Added, child(item.path, key), nullptr, value);
    } else if (keyedArray(c, p, rules.identityKey)) {
      const std::string &key = rules.identityKey;
      auto path = [&](const nlohmann::json &element, size_t index) {
        return element.contains(key) ? item.path + "[" + key + "=" + identity(element[key]) + "]"
                                     : item.path + "[" + std::to_string(index) + "]";
      };
      std::map<std::string, const nlohmann::json *> byKey;
      std::vector<const nlohmann::json *> keyless;
      for (const nlohmann::json &element : p)
        if (element.contains(key))
          byKey[identity(element[key])] = &element;
        else
          keyless.push_back(&element);
      size_t nextKeyless = 0;
      for (size_t i = 0; i < c.size(); ++i) {
        const nlohmann::json &element = c[i];
        const nlohmann::json *match = nullptr;
        if (!element.contains(key)) {
          if (nextKeyless < keyless.size())
            match = keyless[nextKeyless++];
        } else if (auto found = byKey.find(identity(element[key])); found != byKey.end()) {
          match = found->second;
          byKey.erase(found);
        }
        if (match)
          next.push_back({&element, match, path(element, i), std::nullopt});
        else
          emit(DriftKind::Removed, path(element, i), element, nullptr);
      }
      for (size_t i = 0; i < p.size(); ++i) {
        const nlohmann::json &element = p[i];
        bool unmatched = element.contains(key)
                             ? byKey.count(identity(element[key])) > 0
                             : std::find(keyless.begin() + nextKeyless, keyless.end(), &element) !=
                                   keyless.end();
        if (unmatched)
          emit(DriftKind::Added, path(element, i), nullptr, element);
      }
    } else if (c.is_array() && p.is_array()) {
      auto path = [&](size_t i) { return item.path + "[" + std::to_string(i) + "]"; };
      size_t common = std::min(c.size(), p.size());
      for (size_t i = 0; i < common; ++i)
        next.push_back({&c[i], &p[i], path(i), std::nullopt});
      for (size_t i = common; i < c.size(); ++i)
        emit(DriftKind::Removed, path(i), c[i], nullptr);
      for (size_t i = common; i < p.size(); ++i)
        emit(DriftKind::Added, path(i), nullptr, p[i]);
    } else if (c != p) {
      edits.push_back({DriftKind::Changed, item.path, c, p});
    }
    std::move(next.rbegin(), next.rend(), std::back_inserter(stack));
  }
  return edits;
}

} // namespace mac::release
