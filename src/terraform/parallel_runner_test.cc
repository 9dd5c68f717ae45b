#include "terraform/parallel_runner.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::terraform {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// A job running in `directory` with CODE set to what the script exits with.
ModuleJob Job(const std::string& label, const std::filesystem::path& directory, const std::string& code) {
  return ModuleJob{label, directory, {{"CODE", code}}, {}, ""};
}

RunSettings Shell(const std::string& script) { return RunSettings{{"sh", "-c", script}, 4, false, false}; }

struct Collected {
  std::vector<std::string> lines;
  LineSink sink() {
    return [this](const std::string& line) { lines.push_back(line); };
  }
};

TEST(ParallelRunnerTest, EveryLinePrefixedAndOutcomesFromExitStatus) {
  store::ScratchDir scratch;
  std::filesystem::create_directory(scratch.path() / "a");
  std::filesystem::create_directory(scratch.path() / "b");
  Collected out;
  auto results = RunJobs({Job("acct/a", scratch.path() / "a", "0"), Job("acct/b", scratch.path() / "b", "3")},
                         Shell("echo out; echo err >&2; basename \"$PWD\"; printf tail; exit $CODE"), out.sink());
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kOk);
  EXPECT_EQ(results[0].exit_status, 0);
  EXPECT_EQ(results[1].outcome, Outcome::kFailed);
  EXPECT_EQ(results[1].exit_status, 3);
  EXPECT_THAT(out.lines, UnorderedElementsAre("[acct/a] out", "[acct/a] err", "[acct/a] a", "[acct/a] tail",
                                              "[acct/b] out", "[acct/b] err", "[acct/b] b", "[acct/b] tail"));
}

TEST(ParallelRunnerTest, ExitTwoIsChangesOnlyWithDetailedExitcode) {
  store::ScratchDir scratch;
  Collected out;
  RunSettings settings = Shell("exit $CODE");
  EXPECT_EQ(RunJobs({Job("m", scratch.path(), "2")}, settings, out.sink())[0].outcome, Outcome::kFailed);
  settings.detailed_exitcode = true;
  EXPECT_EQ(RunJobs({Job("m", scratch.path(), "2")}, settings, out.sink())[0].outcome, Outcome::kChanges);
  EXPECT_EQ(RunJobs({Job("m", scratch.path(), "1")}, settings, out.sink())[0].outcome, Outcome::kFailed);
}

TEST(ParallelRunnerTest, JobsRunAtTheSameTime) {
  // Each job waits for the other's mark: with one at a time the first would
  // give up, so both succeeding proves they overlapped.
  store::ScratchDir scratch;
  std::string script =
      "touch \"$MARK/$SELF\"; i=0; while [ ! -e \"$MARK/$OTHER\" ]; do i=$((i+1)); "
      "[ $i -gt 3000 ] && exit 9; sleep 0.01; done; exit 0";
  std::string mark = scratch.path().string();
  std::vector<ModuleJob> jobs = {
      ModuleJob{"one", scratch.path(), {{"MARK", mark}, {"SELF", "one"}, {"OTHER", "two"}}, {}, ""},
      ModuleJob{"two", scratch.path(), {{"MARK", mark}, {"SELF", "two"}, {"OTHER", "one"}}, {}, ""}};
  Collected out;
  auto results = RunJobs(jobs, Shell(script), out.sink());
  EXPECT_EQ(results[0].outcome, Outcome::kOk);
  EXPECT_EQ(results[1].outcome, Outcome::kOk);
}

TEST(ParallelRunnerTest, FailFastSkipsWhatHasNotStarted) {
  store::ScratchDir scratch;
  RunSettings settings = Shell("exit $CODE");
  settings.parallel = 1;
  settings.fail_fast = true;
  Collected out;
  auto results = RunJobs({Job("a", scratch.path(), "0"), Job("b", scratch.path(), "1"), Job("c", scratch.path(), "0")},
                         settings, out.sink());
  std::vector<Outcome> outcomes;
  for (const JobResult& result : results) outcomes.push_back(result.outcome);
  EXPECT_THAT(outcomes, ElementsAre(Outcome::kOk, Outcome::kFailed, Outcome::kSkipped));
  settings.fail_fast = false;
  results = RunJobs({Job("a", scratch.path(), "1"), Job("b", scratch.path(), "0")}, settings, out.sink());
  EXPECT_EQ(results[1].outcome, Outcome::kOk);
}

TEST(ParallelRunnerTest, SetupErrorsAndMissingCommandsFailWithAReason) {
  store::ScratchDir scratch;
  Collected out;
  ModuleJob broken = Job("broken", scratch.path(), "0");
  broken.setup_error = "no session for 111111111111";
  auto results = RunJobs({broken}, Shell("exit 0"), out.sink());
  EXPECT_EQ(results[0].outcome, Outcome::kFailed);
  EXPECT_EQ(results[0].reason, "no session for 111111111111");
  EXPECT_THAT(out.lines, ElementsAre("[broken] could not start: no session for 111111111111"));

  results = RunJobs({Job("m", scratch.path(), "0")}, RunSettings{{"foyer-no-such-command"}, 4, false, false}, out.sink());
  EXPECT_EQ(results[0].outcome, Outcome::kFailed);
  EXPECT_NE(results[0].reason.find("could not run 'foyer-no-such-command'"), std::string::npos);
}

TEST(ParallelRunnerTest, EnvironmentSetAndUnsetPerJob) {
  store::ScratchDir scratch;
  setenv("FOYER_RUNNER_TEST_GONE", "present", 1);
  ModuleJob job = Job("m", scratch.path(), "0");
  job.unset = {"FOYER_RUNNER_TEST_GONE"};
  Collected out;
  RunJobs({job}, Shell("echo \"${FOYER_RUNNER_TEST_GONE:-unset} $CODE\""), out.sink());
  EXPECT_THAT(out.lines, ElementsAre("[m] unset 0"));
}

}  // namespace
}  // namespace foyer::terraform
