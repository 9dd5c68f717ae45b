#include "access/aws_config_block.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "access/exports.h"

namespace foyer::access {
namespace {

// A word botocore's shlex.split and a POSIX shell both take literally.
bool IsPlainWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/._-+=:@,").find(c) != std::string_view::npos;
  });
}

std::string Word(std::string_view word) { return IsPlainWord(word) ? std::string(word) : ShellQuote(word); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Lines with their line ends, so that joining them gives the text back.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

// The profile a section header line names, as botocore reads it:
// "[profile x]" is "x", "[default]" is "default"; nullopt for other lines.
std::optional<std::string> ProfileOfHeader(std::string_view line) {
  line = Trim(line);
  if (line.size() < 2 || line.front() != '[' || line.back() != ']') return std::nullopt;
  std::string_view inner = Trim(line.substr(1, line.size() - 2));
  if (inner.substr(0, 8) == "profile ") return std::string(Trim(inner.substr(8)));
  return std::string(inner);
}

struct Parsed {
  std::string before;  // everything up to the block's first marker
  std::string after;   // everything after its last marker
  bool has_block = false;
  std::vector<std::pair<std::string, std::string>> sections;  // the block's profiles, verbatim
  std::set<std::string> outside;  // profiles defined outside the block
};

Result<Parsed> Parse(std::string_view text) {
  Parsed parsed;
  int begins = 0, ends = 0;
  enum { kBefore, kInside, kAfter } where = kBefore;
  for (std::string_view line : Lines(text)) {
    std::string_view trimmed = Trim(line);
    if (trimmed == kBlockBegin) {
      if (++begins > 1 || where != kBefore) break;
      where = kInside;
      continue;
    }
    if (trimmed == kBlockEnd) {
      if (++ends > 1 || where != kInside) break;
      where = kAfter;
      continue;
    }
    auto profile = ProfileOfHeader(line);
    if (where == kInside) {
      if (profile) parsed.sections.emplace_back(*profile, "");
      if (!parsed.sections.empty()) parsed.sections.back().second += line;
      continue;
    }
    if (profile) parsed.outside.insert(*profile);
    (where == kBefore ? parsed.before : parsed.after) += line;
  }
  if (begins != ends || begins > 1 || where == kInside) {
    return MakeError("ConfigFileError", "the foyer block of the AWS config file is damaged (its begin and end markers "
                                        "do not pair up); fix or remove it by hand, then sync again");
  }
  parsed.has_block = begins == 1;
  return parsed;
}

std::string RenderProfile(const ManagedProfile& profile) {
  return "[profile " + profile.name + "]\ncredential_process = " + profile.credential_process +
         "\nregion = " + profile.region + "\n";
}

}  // namespace

std::string CredentialProcessCommand(const std::string& foyer_path, const std::string& target,
                                     const std::string& role) {
  return Word(foyer_path) + " credential-process " + Word(target) + " --role " + Word(role);
}

Result<SyncOutcome> SyncManagedBlock(std::string_view existing, const std::vector<ManagedProfile>& wanted,
                                     bool prune) {
  auto parsed = Parse(existing);
  if (!parsed.ok()) return parsed.error();
  SyncOutcome outcome;
  std::set<std::string> old_names;
  for (const auto& [name, text] : parsed->sections) old_names.insert(name);
  std::set<std::string> wanted_names;
  std::string block = std::string(kBlockBegin) + "\n";
  for (const ManagedProfile& profile : wanted) {
    if (parsed->outside.count(profile.name)) {
      outcome.shadowed.push_back(profile.name);
      continue;
    }
    wanted_names.insert(profile.name);
    if (!old_names.count(profile.name)) outcome.added.push_back(profile.name);
    block += RenderProfile(profile);
  }
  for (const auto& [name, text] : parsed->sections) {
    if (wanted_names.count(name)) continue;
    if (prune) {
      outcome.pruned.push_back(name);
      continue;
    }
    outcome.stale.push_back(name);
    block += text;
    if (!text.empty() && text.back() != '\n') block += '\n';
  }
  block += std::string(kBlockEnd) + "\n";

  std::string before = parsed->before;
  if (!parsed->has_block && !before.empty()) {
    if (before.back() != '\n') before += '\n';
    before += '\n';
  }
  outcome.text = before + block + parsed->after;
  return outcome;
}

}  // namespace foyer::access
