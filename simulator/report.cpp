// Aggregating simulated contacts and rendering the result (report.h).
#include "simulator/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace mac::sim {

std::string cellText(const Value &value) {
  switch (value.kind) {
  case Value::Kind::Empty:
    return "(empty)";
  case Value::Kind::Text:
    return value.text.empty() ? "(empty)" : value.text;
  default:
    return value.display();
  }
}

namespace {

/// RFC 4180: quote a cell with a comma, quote or line break.
std::string csvCell(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string out = "\"";
  for (char c : text)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// Markdown: a pipe inside a cell is escaped.
std::string mdCell(const std::string &text) {
  std::string out;
  for (char c : text)
    out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void renderText(const Report &report, llvm::raw_ostream &os) {
  os << report.title << "\n";
  for (const auto &[key, label, value] : report.summary)
    os << "  " << label << ": " << value << "\n";
  for (const ReportTable &table : report.tables) {
    os << "\n" << table.title << ":\n";
    if (table.rows.empty()) {
      os << "  (none)\n";
      continue;
    }
    std::vector<size_t> width(table.columns.size());
    for (size_t c = 0; c < table.columns.size(); ++c) {
      width[c] = table.columns[c].size();
      for (const auto &row : table.rows)
        width[c] = std::max(width[c], row[c].size());
    }
    auto line = [&](const std::vector<std::string> &cells) {
      std::string text = " ";
      for (size_t c = 0; c < cells.size(); ++c)
        text += " " + (table.numeric[c] ? fmt::format("{:>{}}", cells[c], width[c])
                                        : fmt::format("{:<{}}", cells[c], width[c]));
      while (!text.empty() && text.back() == ' ')
        text.pop_back();
      os << text << "\n";
    };
    line(table.columns);
    for (const auto &row : table.rows)
      line(row);
  }
}

void renderMarkdown(const Report &report, llvm::raw_ostream &os) {
  os << "# " << report.title << "\n\n";
  for (const auto &[key, label, value] : report.summary)
    os << "- " << label << ": " << value << "\n";
  for (const ReportTable &table : report.tables) {
    os << "\n## " << table.title << "\n\n";
    if (table.rows.empty()) {
      os << "(none)\n";
      continue;
    }
    os << "|";
    for (const auto &column : table.columns)
      os << " " << mdCell(column) << " |";
    os << "\n|";
    for (size_t c = 0; c < table.columns.size(); ++c)
      os << (table.numeric[c] ? "---:|" : "---|");
    os << "\n";
    for (const auto &row : table.rows) {
      os << "|";
      for (const auto &cell : row)
        os << " " << mdCell(cell) << " |";
      os << "\n";
    }
  }
}

void renderJson(const Report &report, llvm::raw_ostream &os) {
  nlohmann::ordered_json out;
  out["title"] = report.title;
  out["summary"] = nlohmann::ordered_json::object();
  for (const auto &[key, label, value] : report.summary)
    out["summary"][key] = value;
  out["tables"] = nlohmann::ordered_json::object();
  for (const ReportTable &table : report.tables) {
    auto rows = nlohmann::ordered_json::array();
    for (const auto &row : table.rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (size_t c = 0; c < row.size(); ++c) {
        if (table.numeric[c])
          object[table.columns[c]] = std::stoull(row[c]);
        else
          object[table.columns[c]] = row[c];
      }
      rows.push_back(std::move(object));
    }
    out["tables"][table.key] = std::move(rows);
  }
  os << out.dump(2) << "\n";
}

/// One CSV: `summary,KEY,VALUE` rows, then per table a header row starting
/// with the table's key and its rows starting with the same key.
void renderCsv(const Report &report, llvm::raw_ostream &os) {
  os << "table,key,value\n";
  for (const auto &[key, label, value] : report.summary)
    os << "summary," << csvCell(key) << "," << value << "\n";
  for (const ReportTable &table : report.tables) {
    os << "table";
    for (const auto &column : table.columns)
      os << "," << csvCell(column);
    os << "\n";
    for (const auto &row : table.rows) {
      os << csvCell(table.key);
      for (const auto &cell : row)
        os << "," << csvCell(cell);
      os << "\n";
    }
  }
}

} // namespace

void renderReport(const Report &report, ReportFormat format, llvm::raw_ostream &os) {
  switch (format) {
  case ReportFormat::Text:
    return renderText(report, os);
  case ReportFormat::Markdown:
    return renderMarkdown(report, os);
  case ReportFormat::Json:
    return renderJson(report, os);
  case ReportFormat::Csv:
    return renderCsv(report, os);
  }
}

SimulationReport::SimulationReport(const sema::Program &program, size_t maxTransitions)
    : program_(program), maxTransitions_(maxTransitions), enrolments_(program.flows.size()),
      fields_(program.fields.size()) {}

void SimulationReport::add(const std::vector<Value> &initial, const Contact &final,
                           const Outcome &outcome) {
  ++contacts_;
  if (outcome.loop)
    ++loops_;
  std::vector<bool> seen(enrolments_.size());
  for (const EnrolRecord &enrol : outcome.enrolments) {
    auto &[entries, contacts] = enrolments_[enrol.flow.value];
    ++entries;
    if (!seen[enrol.flow.value]) {
      seen[enrol.flow.value] = true;
      ++contacts;
    }
  }
  for (const SendRecord &send : outcome.sends)
    ++sends_[{program_.declared(send.message).name, std::string(sema::channelName(send.channel))}];
  auto messageName = [&](const sema::AssetRef &message) {
    return message.isValid() ? program_.declared(message).name : std::string("(enrolment)");
  };
  for (const HoldRecord &hold : outcome.holds)
    ++stopped_[{"held", std::string(reasonName(hold.reason)), messageName(hold.message)}];
  for (const BlockRecord &block : outcome.blocks)
    ++stopped_[{"blocked", std::string(reasonName(block.reason)), messageName(block.message)}];
  for (size_t f = 0; f < fields_.size(); ++f) {
    FieldTransitions &table = fields_[f];
    if (initial[f] == final.fields[f]) {
      ++table.unchanged;
      continue;
    }
    std::pair<std::string, std::string> key{cellText(initial[f]), cellText(final.fields[f])};
    auto found = table.changed.find(key);
    if (found != table.changed.end())
      ++found->second;
    else if (table.changed.size() < maxTransitions_)
      table.changed.emplace(std::move(key), 1);
    else
      ++table.other;
  }
}

Report SimulationReport::build(std::string title) const {
  Report report;
  report.title = std::move(title);
  report.summary.emplace_back("contacts", "contacts", contacts_);
  report.summary.emplace_back("loops", "contacts stopped by the step cap (MAC8002)", loops_);

  ReportTable enrolments{"enrolments",
                         "Enrolments per flow",
                         {"flow", "enrolments", "contacts"},
                         {false, true, true},
                         {}};
  std::vector<std::pair<std::string, std::pair<uint64_t, uint64_t>>> flows;
  for (size_t i = 0; i < enrolments_.size(); ++i)
    if (enrolments_[i].first)
      flows.emplace_back(program_.flows[i].name, enrolments_[i]);
  std::sort(flows.begin(), flows.end());
  for (const auto &[name, counts] : flows)
    enrolments.rows.push_back({name, std::to_string(counts.first), std::to_string(counts.second)});
  report.tables.push_back(std::move(enrolments));

  ReportTable sends{"sends",
                    "Sends per template and channel",
                    {"template", "channel", "sends"},
                    {false, false, true},
                    {}};
  for (const auto &[key, count] : sends_)
    sends.rows.push_back({key.first, key.second, std::to_string(count)});
  report.tables.push_back(std::move(sends));

  ReportTable stopped{"held_or_blocked",
                      "Held or blocked sends by reason",
                      {"outcome", "reason", "template", "count"},
                      {false, false, false, true},
                      {}};
  for (const auto &[key, count] : stopped_)
    stopped.rows.push_back(
        {std::get<0>(key), std::get<1>(key), std::get<2>(key), std::to_string(count)});
  report.tables.push_back(std::move(stopped));

  ReportTable transitions{"field_transitions",
                          "Field transitions (contacts whose value changed)",
                          {"field", "initial", "final", "count"},
                          {false, false, false, true},
                          {}};
  std::vector<std::pair<std::string, size_t>> names;
  for (size_t f = 0; f < fields_.size(); ++f)
    names.emplace_back(program_.fields[f].name, f);
  std::sort(names.begin(), names.end());
  for (const auto &[name, f] : names) {
    for (const auto &[key, count] : fields_[f].changed)
      transitions.rows.push_back({name, key.first, key.second, std::to_string(count)});
    if (fields_[f].other)
      transitions.rows.push_back({name, "(other)", "(other)", std::to_string(fields_[f].other)});
  }
  report.tables.push_back(std::move(transitions));
  return report;
}

} // namespace mac::sim
