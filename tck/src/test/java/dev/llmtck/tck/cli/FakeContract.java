package dev.llmtck.tck.cli;

import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.fake.FakePlatformClauses;
import java.util.List;

/** The runner's fake contract ({@code dev.llmtck.tck.runner.fake}), run by the command line's own tests. */
final class FakeContract {
  static final ClauseRunner RUNNER = ClauseRunner.of(List.of(FakePlatformClauses.class));

  private FakeContract() {
  }
}
