#include "ui/table.h"

#include <gtest/gtest.h>

namespace foyer::ui {
namespace {

TEST(TableTest, PadsColumnsToTheWidestCell) {
  Table table({"NAME", "ID"});
  table.AddRow({"payments-production", "123456789012"});
  table.AddRow({"admin", "210987654321"});
  EXPECT_EQ(table.Render(),
            "NAME                 ID\n"
            "payments-production  123456789012\n"
            "admin                210987654321\n");
}

TEST(TableTest, CountsUtf8CharactersNotBytes) {
  Table table;
  table.AddRow({"é", "x"});
  table.AddRow({"ab", "y"});
  EXPECT_EQ(table.Render(), "é   x\nab  y\n");
}

TEST(TableTest, EmptyCellsAtTheEndLeaveNoTrailingSpace) {
  Table table;
  table.AddRow({"key", ""});
  EXPECT_EQ(table.Render(), "key\n");
}

}  // namespace
}  // namespace foyer::ui
