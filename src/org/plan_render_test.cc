#include "org/plan_render.h"

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

Plan SamplePlan() {
  Plan plan;
  Change create;
  create.type = "account";
  create.address = "account.web-production";
  create.account = "web-production";
  create.fields = {{"email", nullptr, "aws+web-production@example.com"}};
  create.depends_on = {"organization"};
  Change update;
  update.action = ChangeAction::kUpdate;
  update.type = "iam_role";
  update.address = "iam_role.web-production/foyer/Auditor";
  update.account = "web-production";
  update.fields = {{"ou", "Workloads", "Workloads/production"},
                   {"trust_policy", nlohmann::json::parse(R"({"Version":"2012-10-17","Principal":"a"})"),
                    nlohmann::json::parse(R"({"Version":"2012-10-17","Principal":"b"})")}};
  plan.changes = {create, update};
  plan.notes = {"role X would be deleted; pass --allow-delete"};
  return plan;
}

TEST(PlanRenderTest, TextShowsSymbolsFieldsDiffsNotesAndCounts) {
  EXPECT_EQ(RenderPlanText(SamplePlan(), false),
            "foyer will make these changes:\n\n"
            "  + account.web-production\n"
            "      email: \"aws+web-production@example.com\"\n"
            "  ~ iam_role.web-production/foyer/Auditor\n"
            "      ou: \"Workloads\" -> \"Workloads/production\"\n"
            "      trust_policy:\n"
            "            {\n"
            "          -   \"Principal\": \"a\",\n"
            "          +   \"Principal\": \"b\",\n"
            "              \"Version\": \"2012-10-17\"\n"
            "            }\n"
            "\nNotes:\n"
            "  ! role X would be deleted; pass --allow-delete\n"
            "\nPlan: 1 to create, 1 to update, 0 to delete.\n");
}

TEST(PlanRenderTest, ColorWrapsOnlyTheSymbolAndAddress) {
  std::string text = RenderPlanText(SamplePlan(), true);
  EXPECT_NE(text.find("\033[32m+ account.web-production\033[0m"), std::string::npos);
  EXPECT_NE(text.find("\033[33m~ iam_role.web-production/foyer/Auditor\033[0m"), std::string::npos);
}

TEST(PlanRenderTest, EmptyPlanSaysNoChanges) {
  EXPECT_EQ(RenderPlanText(Plan{}, false), "No changes. The organization matches foyer.toml.\n");
}

TEST(PlanRenderTest, JsonIsStable) {
  EXPECT_EQ(PlanJson(SamplePlan()).dump(),
            R"({"format_version":1,"changes":[{"action":"create","type":"account",)"
            R"("address":"account.web-production","account":"web-production",)"
            R"("fields":{"email":{"before":null,"after":"aws+web-production@example.com"}},)"
            R"("depends_on":["organization"]},{"action":"update","type":"iam_role",)"
            R"("address":"iam_role.web-production/foyer/Auditor","account":"web-production",)"
            R"("fields":{"ou":{"before":"Workloads","after":"Workloads/production"},)"
            R"("trust_policy":{"before":{"Principal":"a","Version":"2012-10-17"},)"
            R"("after":{"Principal":"b","Version":"2012-10-17"}}},"depends_on":[]}],)"
            R"("notes":["role X would be deleted; pass --allow-delete"],)"
            R"("summary":{"create":1,"update":1,"delete":0}})");
}

}  // namespace
}  // namespace foyer::org
