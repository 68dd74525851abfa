// The contact data model of the SFMC backend and small naming helpers (see
// sfmc_model.h).
#include "backends/sfmc/sfmc_model.h"

#include <array>
#include <cstdio>
#include <utility>

namespace mac::backend::sfmc {

std::string contactDataExtensionKey(const BuildContext &ctx) {
  return std::string(ctx.environment().name()) + "_" + ctx.program().bundle.name + "_contacts";
}

std::string contactDataExtensionId(const BuildContext &ctx) {
  return "deploy:dataExtensionId:" + contactDataExtensionKey(ctx);
}

std::string attributeKey(const BuildContext &ctx, std::string_view column) {
  return "Contact.Attribute." + contactDataExtensionKey(ctx) + "." + std::string(column);
}

std::string membershipColumn(const BuildContext &ctx, sema::AssetRef asset) {
  if (std::optional<std::string> bound = ctx.boundId(asset))
    return *bound;
  return std::string(bindingKind(asset.kind)) + "_" + ctx.program().declared(asset).name;
}

std::string valueText(const sema::Value &value) {
  switch (value.kind) {
  case ast::LiteralKind::Bool:
    return value.boolean ? "true" : "false";
  case ast::LiteralKind::Clock:
    return clockText(value.seconds);
  default:
    return value.text;
  }
}

std::string journeyKey(const BuildContext &ctx, const sema::Flow &flow) {
  return std::string(ctx.environment().name()) + "_" + ctx.program().bundle.name + "_" + flow.name;
}

std::string eventDefinitionKey(const BuildContext &ctx, const sema::Flow &flow) {
  return journeyKey(ctx, flow) + "_entry";
}

std::string windowsTimeZone(std::string_view zone, bool &exact) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kZones{{
      {"America/New_York", "Eastern Standard Time"},
      {"America/Chicago", "Central Standard Time"},
      {"America/Denver", "Mountain Standard Time"},
      {"America/Phoenix", "US Mountain Standard Time"},
      {"America/Los_Angeles", "Pacific Standard Time"},
      {"America/Anchorage", "Alaskan Standard Time"},
      {"Pacific/Honolulu", "Hawaiian Standard Time"},
      {"America/Toronto", "Eastern Standard Time"},
      {"Europe/London", "GMT Standard Time"},
      {"Europe/Berlin", "W. Europe Standard Time"},
      {"Europe/Paris", "Romance Standard Time"},
      {"Asia/Tokyo", "Tokyo Standard Time"},
      {"Australia/Sydney", "AUS Eastern Standard Time"},
      {"UTC", "UTC"},
  }};
  for (const auto &[iana, windows] : kZones)
    if (iana == zone) {
      exact = true;
      return std::string(windows);
    }
  exact = false;
  return std::string(kDefaultTimeZone);
}

std::string clockText(int64_t minutes) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(minutes / 60 % 24),
                static_cast<int>(minutes % 60));
  return text;
}

} // namespace mac::backend::sfmc
