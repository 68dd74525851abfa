// Comparing two versions of a bundle contact by contact (blast_radius.h).
#include "simulator/blast_radius.h"

#include <algorithm>

namespace mac::sim {

BlastRadius::BlastRadius(const sema::Program &bundle, const sema::Program &old,
                         std::string bundleLabel, std::string oldLabel, size_t maxRows)
    : bundle_(bundle), old_(old), bundleLabel_(std::move(bundleLabel)),
      oldLabel_(std::move(oldLabel)), maxRows_(maxRows), fields_(bundle.fields.size()) {
  for (size_t f = 0; f < fields_.size(); ++f) {
    fields_[f].name = bundle.fields[f].name;
    for (size_t g = 0; g < old.fields.size(); ++g)
      if (old.fields[g].name == fields_[f].name)
        fields_[f].oldField = g;
  }
}

namespace {

/// Template name → sends, for one run.
std::map<std::string, uint64_t> sentTemplates(const sema::Program &program,
                                              const Outcome &outcome) {
  std::map<std::string, uint64_t> out;
  for (const SendRecord &send : outcome.sends)
    ++out[program.declared(send.message).name];
  return out;
}

} // namespace

void BlastRadius::add(const std::vector<Value> &initial, const Contact &afterBundle,
                      const Outcome &bundleOutcome, const Contact &afterOld,
                      const Outcome &oldOutcome) {
  ++contacts_;
  bool changed = false;
  for (size_t f = 0; f < fields_.size(); ++f) {
    FieldTable &table = fields_[f];
    if (table.oldField == UINT32_MAX || afterBundle.fields[f] == afterOld.fields[table.oldField])
      continue;
    changed = true;
    std::tuple<std::string, std::string, std::string> key{
        cellText(initial[f]), cellText(afterBundle.fields[f]),
        cellText(afterOld.fields[table.oldField])};
    auto found = table.rows.find(key);
    if (found != table.rows.end())
      ++found->second;
    else if (table.rows.size() < maxRows_)
      table.rows.emplace(std::move(key), 1);
    else
      ++table.other;
  }
  auto bundleSends = sentTemplates(bundle_, bundleOutcome);
  auto oldSends = sentTemplates(old_, oldOutcome);
  if (bundleSends != oldSends) {
    changed = true;
    std::map<std::string, std::pair<uint64_t, uint64_t>> both;
    for (const auto &[name, count] : bundleSends)
      both[name].first = count;
    for (const auto &[name, count] : oldSends)
      both[name].second = count;
    for (const auto &[name, counts] : both) {
      if (counts.first == counts.second)
        continue;
      auto found = sends_.find(name);
      if (found == sends_.end() && sends_.size() >= maxRows_) {
        ++otherSends_;
        continue;
      }
      SendCounts &row = sends_[name];
      ++row.contacts;
      row.bundleSends += counts.first;
      row.oldSends += counts.second;
    }
  }
  if (changed)
    ++changed_;
}

Report BlastRadius::build(std::string title) const {
  Report report;
  report.title = std::move(title);
  report.summary.emplace_back("contacts", "contacts", contacts_);
  report.summary.emplace_back("changed", "contacts whose outcome differs", changed_);

  std::vector<size_t> order(fields_.size());
  for (size_t f = 0; f < order.size(); ++f)
    order[f] = f;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return fields_[a].name < fields_[b].name; });
  for (size_t f : order) {
    const FieldTable &field = fields_[f];
    if (field.rows.empty() && !field.other)
      continue;
    ReportTable table{"field:" + field.name,
                      "Field " + field.name,
                      {"initial " + field.name, "count", field.name + " after " + bundleLabel_,
                       field.name + " after " + oldLabel_},
                      {false, true, false, false},
                      {}};
    for (const auto &[key, count] : field.rows)
      table.rows.push_back(
          {std::get<0>(key), std::to_string(count), std::get<1>(key), std::get<2>(key)});
    if (field.other)
      table.rows.push_back({"(other)", std::to_string(field.other), "(other)", "(other)"});
    report.tables.push_back(std::move(table));
  }

  ReportTable sends{
      "sends",
      "Sends that differ",
      {"template", "contacts", "sends after " + bundleLabel_, "sends after " + oldLabel_},
      {false, true, true, true},
      {}};
  for (const auto &[name, row] : sends_)
    sends.rows.push_back({name, std::to_string(row.contacts), std::to_string(row.bundleSends),
                          std::to_string(row.oldSends)});
  if (otherSends_)
    sends.rows.push_back({"(other)", std::to_string(otherSends_), "0", "0"});
  report.tables.push_back(std::move(sends));
  return report;
}

} // namespace mac::sim
