// Names of Program kinds, and Program's small lookups.
#include "compiler/sema/program.h"

namespace mac::sema {

std::string_view assetKindName(AssetKind kind) {
  switch (kind) {
  case AssetKind::Field: return "field";
  case AssetKind::Tag: return "tag";
  case AssetKind::List: return "list";
  case AssetKind::Segment: return "segment";
  case AssetKind::Email: return "email template";
  case AssetKind::Sms: return "sms template";
  case AssetKind::Push: return "push template";
  case AssetKind::Webhook: return "webhook";
  case AssetKind::Flag: return "flag";
  case AssetKind::Policy: return "policy";
  case AssetKind::Flow: return "flow";
  }
  return "asset";
}

std::string assetKindWithArticle(AssetKind kind) {
  std::string_view name = assetKindName(kind);
  // "an sms template": the article follows the sound (es-em-es), not the letter.
  bool vowel = name[0] == 'e' || name[0] == 'a' || name[0] == 'i' || name[0] == 'o' ||
               name.starts_with("sms");
  return std::string(vowel ? "an " : "a ") + std::string(name);
}

std::string_view channelName(Channel channel) {
  switch (channel) {
  case Channel::Email: return "email";
  case Channel::Sms: return "sms";
  case Channel::Push: return "push";
  }
  return "email";
}

std::string_view fieldTypeName(FieldType type) {
  switch (type) {
  case FieldType::Text: return "text";
  case FieldType::Number: return "number";
  case FieldType::Bool: return "bool";
  case FieldType::Email: return "email";
  case FieldType::Phone: return "phone";
  case FieldType::DateTime: return "datetime";
  case FieldType::Date: return "date";
  case FieldType::Enum: return "enum";
  }
  return "text";
}

const Consent *Program::consent(Channel channel) const {
  for (const Consent &c : consents)
    if (c.channel == channel)
      return &c;
  return nullptr;
}

const Declared &Program::declared(AssetRef ref) const {
  switch (ref.kind) {
  case AssetKind::Field: return fields[ref.index];
  case AssetKind::Tag: return tags[ref.index];
  case AssetKind::List: return lists[ref.index];
  case AssetKind::Segment: return segments[ref.index];
  case AssetKind::Email: return emails[ref.index];
  case AssetKind::Sms: return smses[ref.index];
  case AssetKind::Push: return pushes[ref.index];
  case AssetKind::Webhook: return webhooks[ref.index];
  case AssetKind::Flag: return flags[ref.index];
  case AssetKind::Policy: return policies[ref.index];
  case AssetKind::Flow: return flows[ref.index];
  }
  return fields[ref.index];
}

} // namespace mac::sema
