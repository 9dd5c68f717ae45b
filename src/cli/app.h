// The command line: builds the command tree, runs the chosen command, and
// turns its outcome into an exit status (DESIGN.md section 3).
#ifndef FOYER_CLI_APP_H_
#define FOYER_CLI_APP_H_

namespace foyer::cli {

int Run(int argc, char** argv);

}  // namespace foyer::cli

#endif  // FOYER_CLI_APP_H_
