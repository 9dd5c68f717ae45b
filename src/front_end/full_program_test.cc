#include "front_end/full_program.h"

#include <gtest/gtest.h>

namespace foyer::front_end {
namespace {

TEST(FullProgramTest, IsTheFoyerCliBesideTheFrontEnd) {
  EXPECT_EQ(FullProgramBeside("/opt/foyer/bin/foyer"), "/opt/foyer/bin/foyer-cli");
  EXPECT_EQ(FullProgramBeside("/foyer"), "/foyer-cli");
  EXPECT_EQ(FullProgramBeside("foyer"), "./foyer-cli");
}

}  // namespace
}  // namespace foyer::front_end
