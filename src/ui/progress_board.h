// Progress of long work on stderr: what is in flight, what is done, what
// failed.
//
// On a terminal the board redraws a block under the finished lines: one
// line per task in flight with its latest message, and a counter. Elsewhere
// (CI logs, pipes) it writes one plain line per event, nothing redrawn.
#ifndef FOYER_UI_PROGRESS_BOARD_H_
#define FOYER_UI_PROGRESS_BOARD_H_

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace foyer::ui {

class ProgressBoard {
 public:
  // `total`: how many tasks there will be, for the counter.
  ProgressBoard(std::FILE* out, bool live, bool color, int total);
  ~ProgressBoard();

  void Begin(const std::string& task);
  void Update(const std::string& task, const std::string& message);
  // `detail`: "1.2s" when it went well, the error otherwise.
  void End(const std::string& task, bool ok, const std::string& detail);
  void Skip(const std::string& task, const std::string& reason);
  // Removes the live block; called by the destructor.
  void Close();

 private:
  void Print(const std::string& line, const char* color);
  void EraseBlock();
  void DrawBlock();

  std::FILE* out_;
  bool live_;
  bool color_;
  int total_;
  int done_ = 0;
  int failed_ = 0;
  int drawn_lines_ = 0;
  std::vector<std::pair<std::string, std::string>> in_flight_;
};

// True when progress on stderr may be redrawn (stderr is a terminal and
// TERM is not "dumb").
bool StderrIsLiveTerminal();

// True when colors may be used on `stream`: a terminal, and NO_COLOR unset.
bool ColorsFor(std::FILE* stream);

}  // namespace foyer::ui

#endif  // FOYER_UI_PROGRESS_BOARD_H_
