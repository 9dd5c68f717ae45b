#include "access/completion.h"

#include <set>

#include "org/naming.h"

namespace foyer::access {
namespace {

std::string TagOf(const store::InventoryAccount& account, std::string_view tag) {
  auto found = account.tags.find(std::string(tag));
  return found == account.tags.end() ? "" : found->second;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Bash: the subcommand, then a TARGET (the first word after it that is not
// an option), then --role completed for that target.
constexpr const char* kBash = R"SH(# bash completion for foyer; load with: source <(foyer completion bash)
_foyer() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" foyer="${COMP_WORDS[0]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "@COMMANDS@" -- "$cur"))
    return
  fi
  case " @TARGET_COMMANDS@ " in *" ${COMP_WORDS[1]} "*) ;; *) return ;; esac
  local target="" i
  for ((i = 2; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      --role|--org|--group|--destination|--format) i=$((i + 1)) ;;
      --) break ;;
      -*) ;;
      *) target="${COMP_WORDS[i]}"; break ;;
    esac
  done
  local IFS=$'\n'
  if [ "$prev" = "--role" ]; then
    COMPREPLY=($(compgen -W "$("$foyer" __complete roles "$target" 2>/dev/null)" -- "$cur"))
  elif [ -z "$target" ] && [[ "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "$("$foyer" __complete targets 2>/dev/null)" -- "$cur"))
  fi
}
complete -F _foyer foyer
)SH";

constexpr const char* kZsh = R"SH(#compdef foyer
# zsh completion for foyer; load with: source <(foyer completion zsh)
_foyer() {
  local -a candidates
  if (( CURRENT == 2 )); then
    candidates=(@COMMANDS@)
  elif [[ " @TARGET_COMMANDS@ " == *" ${words[2]} "* ]]; then
    if [[ ${words[CURRENT-1]} == --role ]]; then
      candidates=(${(f)"$(${words[1]} __complete roles ${words[3]} 2>/dev/null)"})
    elif (( CURRENT == 3 )); then
      candidates=(${(f)"$(${words[1]} __complete targets 2>/dev/null)"})
    fi
  fi
  (( ${#candidates} )) && compadd -a candidates
}
compdef _foyer foyer
)SH";

constexpr const char* kFish = R"SH(# fish completion for foyer; load with: foyer completion fish | source
complete -c foyer -f
complete -c foyer -n __fish_use_subcommand -a '@COMMANDS@'
complete -c foyer -n '__fish_seen_subcommand_from @TARGET_COMMANDS@; and test (count (commandline -opc)) -eq 2' -a '(foyer __complete targets 2>/dev/null)'
complete -c foyer -n '__fish_seen_subcommand_from @TARGET_COMMANDS@' -l role -x -a '(foyer __complete roles (commandline -opc)[3] 2>/dev/null)'
)SH";

std::string Fill(std::string script, const std::vector<std::string>& commands) {
  for (auto [marker, value] : {std::pair<std::string, std::string>{"@TARGET_COMMANDS@", kTargetCommands},
                               {"@COMMANDS@", Join(commands)}}) {
    for (size_t at = script.find(marker); at != std::string::npos; at = script.find(marker, at + value.size())) {
      script.replace(at, marker.size(), value);
    }
  }
  return script;
}

}  // namespace

std::vector<std::string> TargetCandidates(const login::OrgAccess& org, const std::optional<store::Inventory>& inventory) {
  std::set<std::string> words = {"admin"};
  if (!org.management_account_id.empty()) words.insert(std::string(org::kManagementAccountName));
  if (inventory) {
    for (const auto& account : inventory->accounts) {
      if (!account.name.empty()) words.insert(account.name);
      std::string domain = TagOf(account, org::kDomainTag);
      std::string environment = TagOf(account, org::kEnvironmentTag);
      if (domain.empty() || environment.empty()) continue;
      words.insert(domain + "/" + environment);
      std::string quality = TagOf(account, org::kQualityTag);
      if (!quality.empty()) words.insert(domain + "/" + environment + "/" + quality);
    }
  }
  return {words.begin(), words.end()};
}

std::vector<std::string> RoleCandidates(const login::OrgAccess& org, const std::string& group,
                                        const std::string& account) {
  if (org.grants.empty()) return {"Administrator", "Auditor"};
  std::set<std::string> roles;
  auto by_group = org.grants.find(group);
  if (by_group == org.grants.end()) return {};
  for (const auto& [name, granted] : by_group->second) {
    if (account.empty() || name == account) roles.insert(granted.begin(), granted.end());
  }
  return {roles.begin(), roles.end()};
}

std::optional<std::string> CompletionScript(std::string_view shell, const std::vector<std::string>& commands) {
  if (shell == "bash") return Fill(kBash, commands);
  if (shell == "zsh") return Fill(kZsh, commands);
  if (shell == "fish") return Fill(kFish, commands);
  return std::nullopt;
}

}  // namespace foyer::access
