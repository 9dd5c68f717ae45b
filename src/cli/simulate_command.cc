#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "iam/simulation.h"

namespace foyer::cli {
namespace {

struct SimulateOptions {
  std::string file;
  bool explain = false;
  bool batch = false;
};

Result<std::string> ReadInput(const std::string& file) {
  if (file == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::ifstream in(file, std::ios::binary);
  if (!in) return MakeError("InvalidInput", "cannot read " + file + ": no such file or not readable");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs one simulation; prints the decision (or the error) and says whether
// the input was well-formed.
bool SimulateOne(std::string_view text, bool explain, bool batch) {
  Result<std::unique_ptr<iam::Simulation>> simulation = iam::ReadSimulationText(text);
  if (!simulation.ok()) {
    if (batch) std::printf("%s\n", nlohmann::json{{"error", simulation.error().message}}.dump().c_str());
    else ReportError(simulation.error());
    return false;
  }
  iam::Decision decision = iam::Evaluate((*simulation)->request, (*simulation)->policies);
  if (explain) std::fputs(iam::ExplainDecision(decision).c_str(), stdout);
  else std::printf("%s\n", iam::DecisionJson(decision).dump().c_str());
  return true;
}

// One simulation per input line, one decision per output line, so that a
// large corpus runs in a single process.
int SimulateBatch(const std::string& text, bool explain) {
  bool all_ok = true;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    all_ok = SimulateOne(line, explain, /*batch=*/true) && all_ok;
  }
  std::fflush(stdout);
  return all_ok ? 0 : static_cast<int>(ExitCode::kFailure);
}

int RunSimulate(const SimulateOptions& options) {
  Result<std::string> text = ReadInput(options.file);
  if (!text.ok()) return ReportError(text.error());
  if (options.batch) return SimulateBatch(*text, options.explain);
  return SimulateOne(*text, options.explain, /*batch=*/false) ? 0 : static_cast<int>(ExitCode::kFailure);
}

}  // namespace

void AddSimulateCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<SimulateOptions>();
  auto* command = root.add_subcommand(
      "simulate", "Offline IAM policy simulator: one request against the given policies (see docs/simulate.md)");
  command->add_option("FILE", options->file, "Simulation input as JSON, or - for stdin")->required();
  command->add_flag("--explain", options->explain, "Print the decision for a person instead of JSON");
  command->add_flag("--batch", options->batch, "Read one simulation per line and print one decision per line");
  command->callback([options, &selected] { selected = [options] { return RunSimulate(*options); }; });
}

}  // namespace foyer::cli
