#include "org/plan_render.h"

#include <sstream>
#include <vector>

namespace foyer::org {
namespace {

const char* Symbol(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "+";
    case ChangeAction::kUpdate:
      return "~";
    case ChangeAction::kDelete:
      return "-";
  }
  return "~";
}

const char* ColorOf(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "\033[32m";
    case ChangeAction::kUpdate:
      return "\033[33m";
    case ChangeAction::kDelete:
      return "\033[31m";
  }
  return "";
}

constexpr char kReset[] = "\033[0m";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool IsDocument(const nlohmann::json& value) { return value.is_object() || value.is_array(); }

std::string Pretty(const nlohmann::json& value) { return value.is_null() ? "" : value.dump(2); }

// A line diff of two short texts (policy documents): longest common
// subsequence, unchanged lines prefixed "  ", removed "- ", added "+ ".
std::vector<std::string> LineDiff(const std::vector<std::string>& before,
                                  const std::vector<std::string>& after) {
  size_t n = before.size();
  size_t m = after.size();
  std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      common[i][j] = before[i] == after[j] ? common[i + 1][j + 1] + 1
                                           : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::vector<std::string> out;
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j]) {
      out.push_back("  " + before[i++]);
      ++j;
    } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
      out.push_back("+ " + after[j++]);
    } else {
      out.push_back("- " + before[i++]);
    }
  }
  return out;
}

void RenderField(std::ostringstream& out, const FieldChange& field) {
  const std::string indent = "      ";
  if (IsDocument(field.before) || IsDocument(field.after)) {
    out << indent << field.name << ":\n";
    for (const std::string& line : LineDiff(Lines(Pretty(field.before)), Lines(Pretty(field.after)))) {
      out << indent << "    " << line << "\n";
    }
    return;
  }
  out << indent << field.name << ": ";
  if (field.before.is_null()) {
    out << field.after.dump();
  } else if (field.after.is_null()) {
    out << field.before.dump() << " -> (none)";
  } else {
    out << field.before.dump() << " -> " << field.after.dump();
  }
  out << "\n";
}

}  // namespace

PlanCounts CountChanges(const Plan& plan) {
  PlanCounts counts;
  for (const Change& change : plan.changes) {
    if (change.action == ChangeAction::kCreate) ++counts.create;
    if (change.action == ChangeAction::kUpdate) ++counts.update;
    if (change.action == ChangeAction::kDelete) ++counts.remove;
  }
  return counts;
}

std::string RenderPlanText(const Plan& plan, bool color) {
  std::ostringstream out;
  if (plan.empty()) {
    out << "No changes. The organization matches foyer.toml.\n";
  } else {
    out << "foyer will make these changes:\n\n";
    for (const Change& change : plan.changes) {
      out << "  ";
      if (color) out << ColorOf(change.action);
      out << Symbol(change.action) << " " << change.address;
      if (color) out << kReset;
      out << "\n";
      for (const FieldChange& field : change.fields) RenderField(out, field);
    }
  }
  if (!plan.notes.empty()) {
    out << "\nNotes:\n";
    for (const std::string& note : plan.notes) out << "  ! " << note << "\n";
  }
  if (!plan.empty()) {
    PlanCounts counts = CountChanges(plan);
    out << "\nPlan: " << counts.create << " to create, " << counts.update << " to update, "
        << counts.remove << " to delete.\n";
  }
  return out.str();
}

nlohmann::ordered_json PlanJson(const Plan& plan) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const Change& change : plan.changes) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (const FieldChange& field : change.fields) {
      nlohmann::ordered_json values;
      values["before"] = nlohmann::ordered_json::parse(field.before.dump());
      values["after"] = nlohmann::ordered_json::parse(field.after.dump());
      fields[field.name] = values;
    }
    nlohmann::ordered_json entry;
    entry["action"] = std::string(ChangeActionName(change.action));
    entry["type"] = change.type;
    entry["address"] = change.address;
    entry["account"] = change.account.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(change.account);
    entry["fields"] = fields;
    entry["depends_on"] = change.depends_on;
    changes.push_back(std::move(entry));
  }
  PlanCounts counts = CountChanges(plan);
  nlohmann::ordered_json summary;
  summary["create"] = counts.create;
  summary["update"] = counts.update;
  summary["delete"] = counts.remove;
  nlohmann::ordered_json document;
  document["format_version"] = 1;
  document["changes"] = changes;
  document["notes"] = plan.notes;
  document["summary"] = summary;
  return document;
}

}  // namespace foyer::org
