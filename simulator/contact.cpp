// A simulated contact's state (contact.h).
#include "simulator/contact.h"

namespace mac::sim {

void Contact::reset(const sema::Program &program) {
  fields.assign(program.fields.size(), Value{});
  for (size_t i = 0; i < program.fields.size(); ++i)
    if (program.fields[i].defaultValue)
      fields[i] = Value::of(*program.fields[i].defaultValue);
  tags.assign(program.tags.size(), false);
  lists.assign(program.lists.size(), false);
  timezone.clear();
  unsubscribed = false;
  identity = 0;
}

bool Contact::hasConsent(const sema::Program &program, sema::Channel channel) const {
  const sema::Consent *consent = program.consent(channel);
  if (!consent || !consent->field.isValid())
    return false;
  const Value &value = field(consent->field);
  return value.kind == Value::Kind::Bool && value.boolean;
}

bool Contact::isUnsubscribed(const sema::Program &program) const {
  if (unsubscribed)
    return true;
  auto found = program.names.find("unsubscribed");
  if (found == program.names.end() || found->second.kind != sema::AssetKind::Field)
    return false;
  const Value &value = fields[found->second.index];
  return value.kind == Value::Kind::Bool && value.boolean;
}

} // namespace mac::sim
