#include "ui/progress_board.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace foyer::ui {
namespace {

constexpr char kGreen[] = "\033[32m";
constexpr char kRed[] = "\033[31m";
constexpr char kYellow[] = "\033[33m";
constexpr char kReset[] = "\033[0m";

}  // namespace

ProgressBoard::ProgressBoard(std::FILE* out, bool live, bool color, int total)
    : out_(out), live_(live), color_(color), total_(total) {}

ProgressBoard::~ProgressBoard() { Close(); }

void ProgressBoard::Begin(const std::string& task) {
  EraseBlock();
  in_flight_.emplace_back(task, "");
  if (!live_) Print("  started " + task, nullptr);
  DrawBlock();
}

void ProgressBoard::Update(const std::string& task, const std::string& message) {
  EraseBlock();
  for (auto& [name, latest] : in_flight_) {
    if (name == task) latest = message;
  }
  if (!live_) Print("  ... " + task + ": " + message, nullptr);
  DrawBlock();
}

void ProgressBoard::End(const std::string& task, bool ok, const std::string& detail) {
  EraseBlock();
  in_flight_.erase(std::remove_if(in_flight_.begin(), in_flight_.end(),
                                  [&](const auto& entry) { return entry.first == task; }),
                   in_flight_.end());
  ++done_;
  if (ok) {
    Print("  done " + task + " (" + detail + ")", kGreen);
  } else {
    ++failed_;
    Print("  FAILED " + task + ": " + detail, kRed);
  }
  DrawBlock();
}

void ProgressBoard::Skip(const std::string& task, const std::string& reason) {
  EraseBlock();
  ++done_;
  ++failed_;
  Print("  skipped " + task + ": " + reason, kYellow);
  DrawBlock();
}

void ProgressBoard::Close() {
  EraseBlock();
  std::fflush(out_);
}

void ProgressBoard::Print(const std::string& line, const char* color) {
  if (color_ && color != nullptr) {
    std::fprintf(out_, "%s%s%s\n", color, line.c_str(), kReset);
  } else {
    std::fprintf(out_, "%s\n", line.c_str());
  }
}

void ProgressBoard::EraseBlock() {
  if (!live_) return;
  for (int i = 0; i < drawn_lines_; ++i) std::fputs("\033[1A\033[2K", out_);
  drawn_lines_ = 0;
}

void ProgressBoard::DrawBlock() {
  if (!live_) {
    std::fflush(out_);
    return;
  }
  for (const auto& [task, message] : in_flight_) {
    std::fprintf(out_, "  ... %s%s%s\n", task.c_str(), message.empty() ? "" : ": ", message.c_str());
    ++drawn_lines_;
  }
  std::fprintf(out_, "[%d/%d] %zu in flight, %d failed\n", done_, total_, in_flight_.size(), failed_);
  ++drawn_lines_;
  std::fflush(out_);
}

bool StderrIsLiveTerminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && (term == nullptr || std::strcmp(term, "dumb") != 0);
}

bool ColorsFor(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return ::isatty(::fileno(stream)) == 1;
}

}  // namespace foyer::ui
