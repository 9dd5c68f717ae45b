// The full program, `foyer-cli`, installed beside the `foyer` front end.
#ifndef FOYER_FRONT_END_FULL_PROGRAM_H_
#define FOYER_FRONT_END_FULL_PROGRAM_H_

#include <string>

namespace foyer::front_end {

// `foyer-cli` in the folder of `executable` (the front end's own path,
// symlinks resolved: /proc/self/exe).
std::string FullProgramBeside(const std::string& executable);

// Replaces this process with the full program, same arguments (argv[0]
// kept, so usage messages say `foyer`), same environment, same open files:
// exit status and signals are the full program's own. Returns only when it
// cannot run, after printing why; the return value is the exit status.
int ExecFullProgram(char** argv);

}  // namespace foyer::front_end

#endif  // FOYER_FRONT_END_FULL_PROGRAM_H_
