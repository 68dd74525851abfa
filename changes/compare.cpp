// The comparison's driver: the bundle declaration, then every named entity
// kind in dependency order (renames first, so that later kinds compare
// references through them), then the consent declarations.
#include "changes/compare.h"

#include "changes/comparison.h"

#include <map>

namespace mac::changes {

using namespace sema;

namespace {

/// Name -> index of every entity of `kind` in `program`, in name order.
std::map<std::string, size_t> byName(const EntityKind &kind, const Program &program) {
  std::map<std::string, size_t> out;
  for (size_t i = 0; i < kind.count(program); ++i)
    out.emplace(kind.declared(program, i).name, i);
  return out;
}

void compareKind(Comparison &cmp, const EntityKind &kind) {
  std::map<std::string, size_t> before = byName(kind, cmp.oldProgram());
  std::map<std::string, size_t> after = byName(kind, cmp.newProgram());
  std::string keyword(kind.keyword);

  // Renames: a removed entity and an added one with the same content.
  std::map<std::string, std::string> renamedTo; // old name -> new name
  std::map<std::string, std::string> renamedFrom;
  size_t removedCount = 0, addedCount = 0;
  for (const auto &entry : before)
    removedCount += after.count(entry.first) ? 0 : 1;
  for (const auto &entry : after)
    addedCount += before.count(entry.first) ? 0 : 1;
  for (const auto &[oldName, oldIndex] : before) {
    if (after.count(oldName))
      continue;
    std::string content = fingerprint(kind.props(cmp.oldNames(), oldIndex));
    // Without content (a tag, a list) only a lone removal and addition pair up.
    if (content.empty() && (removedCount != 1 || addedCount != 1))
      continue;
    for (const auto &[newName, newIndex] : after) {
      if (before.count(newName) || renamedFrom.count(newName))
        continue;
      if (fingerprint(kind.props(cmp.newNames(), newIndex)) == content) {
        renamedTo[oldName] = newName;
        renamedFrom[newName] = oldName;
        break;
      }
    }
  }
  for (const auto &[oldName, newName] : renamedTo)
    cmp.renames()[renameKey(kind.renameNs, oldName)] = newName;

  for (const auto &[name, newIndex] : after) {
    auto old = before.find(name);
    std::string subject = keyword + " " + name;
    size_t oldIndex;
    if (old != before.end()) {
      oldIndex = old->second;
    } else if (auto from = renamedFrom.find(name); from != renamedFrom.end()) {
      oldIndex = before.at(from->second);
      Change &change = cmp.changes().add(kind.section, ChangeKind::Renamed, RuleId::AssetRenamed,
                                         keyword + " " + from->second, from->second, name);
      change.compliance = kind.compliance;
      change.migration = "rename `" + from->second + "` to `" + name +
                         "` wherever the platform or other systems refer to it";
    } else {
      cmp.changes()
          .add(kind.section, ChangeKind::Added, RuleId::AssetAdded, subject, "", subject)
          .compliance = kind.compliance;
      continue;
    }
    cmp.compareProps(kind.section, subject, kind.props(cmp.oldNames(), oldIndex),
                     kind.props(cmp.oldShown(), oldIndex), kind.props(cmp.newNames(), newIndex));
    if (kind.compareMore)
      kind.compareMore(cmp, oldIndex, newIndex, subject);
  }
  for (const auto &[name, oldIndex] : before) {
    if (after.count(name) || renamedTo.count(name))
      continue;
    Change &change = cmp.changes().add(kind.section, ChangeKind::Removed, RuleId::AssetRemoved,
                                       keyword + " " + name, keyword + " " + name, "");
    change.compliance = kind.compliance;
    if (kind.keyword == "flow")
      change.migration =
          "switch the flow off on every platform; contacts in it stop where they are";
    else if (kind.keyword == "field")
      change.migration =
          "the values contacts hold stay on the platform; delete them there if needed";
  }
}

} // namespace

void compareBundle(Comparison &cmp) {
  auto props = [](const Bundle &bundle) {
    Props props{prop("display name", bundle.display == bundle.name ? "" : quote(bundle.display),
                     RuleId::DisplayNameChanged),
                prop("name", bundle.name, RuleId::AssetRenamed),
                prop("release", bundle.release.empty() ? "" : quote(bundle.release),
                     RuleId::ReleaseTagChanged)};
    for (const std::string &target : bundle.targets)
      props.push_back(element("targets", target, RuleId::TargetAdded, RuleId::TargetRemoved));
    for (const std::string &sender : bundle.senders)
      props.push_back(
          element("senders", quote(sender), RuleId::SenderAdded, RuleId::SenderRemoved));
    return props;
  };
  Props before = props(cmp.oldProgram().bundle);
  cmp.compareProps(Section::Assets, "bundle " + cmp.newProgram().bundle.name, before, before,
                   props(cmp.newProgram().bundle));
}

void compareConsents(Comparison &cmp) {
  for (Channel channel : {Channel::Email, Channel::Sms, Channel::Push}) {
    auto describe = [&](const Program &program, const Namer &names) -> Props {
      const Consent *consent = program.consent(channel);
      std::string value;
      if (consent)
        value = "field " + names.field(consent->field) + "; timestamp " +
                names.field(consent->timestamp) + "; source " + names.field(consent->source);
      Prop p =
          prop("consent " + std::string(channelName(channel)), value, RuleId::ConsentChanged, true);
      p.added = RuleId::ConsentAdded;
      p.removed = RuleId::ConsentRemoved;
      return {p};
    };
    Props before = describe(cmp.oldProgram(), cmp.oldNames());
    cmp.compareProps(Section::DataModel, "", before, describe(cmp.oldProgram(), cmp.oldShown()),
                     describe(cmp.newProgram(), cmp.newNames()));
  }
}

ChangeSet compare(const Program &before, const SourceManager &, const Program &after,
                  const SourceManager &) {
  Comparison cmp(before, after);
  compareBundle(cmp);
  for (const EntityKind &kind : entityKinds()) {
    compareKind(cmp, kind);
    if (kind.keyword == "field")
      compareConsents(cmp);
  }
  ChangeSet changes = std::move(cmp.changes());
  changes.finish();
  return changes;
}

} // namespace mac::changes
