#include "ui/progress_board.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace foyer::ui {
namespace {

std::string Captured(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[256];
  size_t read;
  while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, read);
  return text;
}

TEST(ProgressBoardTest, PlainModeWritesOneLinePerEvent) {
  std::FILE* file = std::tmpfile();
  {
    ProgressBoard board(file, false, false, 3);
    board.Begin("account.a");
    board.Update("account.a", "creating, IN_PROGRESS for 2s");
    board.End("account.a", true, "2.1s");
    board.Begin("account.b");
    board.End("account.b", false, "no quota left");
    board.Skip("iam_role.b/foyer/Administrator", "depends on account.b");
  }
  EXPECT_EQ(Captured(file),
            "  started account.a\n"
            "  ... account.a: creating, IN_PROGRESS for 2s\n"
            "  done account.a (2.1s)\n"
            "  started account.b\n"
            "  FAILED account.b: no quota left\n"
            "  skipped iam_role.b/foyer/Administrator: depends on account.b\n");
  std::fclose(file);
}

TEST(ProgressBoardTest, LiveModeRedrawsTheInFlightBlockAndClearsItAtTheEnd) {
  std::FILE* file = std::tmpfile();
  {
    ProgressBoard board(file, true, false, 2);
    board.Begin("account.a");
    board.End("account.a", true, "1.0s");
  }
  EXPECT_EQ(Captured(file),
            "  ... account.a\n[0/2] 1 in flight, 0 failed\n"
            "\033[1A\033[2K\033[1A\033[2K"
            "  done account.a (1.0s)\n[1/2] 0 in flight, 0 failed\n"
            "\033[1A\033[2K");
  std::fclose(file);
}

}  // namespace
}  // namespace foyer::ui
