package dev.llmtck.tck.cli;

import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.report.ReportFacts;
import dev.llmtck.tck.report.ReportWriter;
import dev.llmtck.tck.report.SummaryFacts;
import dev.llmtck.tck.report.TargetRun;
import dev.llmtck.tck.clause.ClauseCatalogue;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waiver;
import dev.llmtck.tck.runner.Waivers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code llmtck run}: certifies one target, or several side by side (GL-MULTI-1, {@code --profile} repeated).
 * Resolves each target from flags, profile and environment, runs its platform's contract clause by clause with
 * progress on the console, prints the summary and the values to type into GitLab, writes the reports (with
 * several targets: each target's in its own subdirectory, plus a summary). Exit code 0 when every MUST clause
 * passed, 1 when one failed, 2 for a usage or configuration error (one message, no stack trace; with several
 * targets, every target's configuration is checked before anything runs).
 */
final class RunCommand {
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "llmtck-report");

  private final Function<Platform<?, ?>, ClauseRunner> runners;
  private final Map<String, String> env;

  /** The command as the kit ships it: each platform's own contract. */
  RunCommand(Map<String, String> env) {
    this(ClauseRunner::of, env);
  }

  /** For the kit's own tests: the runner of each platform (e.g. a contract of the tests' own). */
  RunCommand(Function<Platform<?, ?>, ClauseRunner> runners, Map<String, String> env) {
    this.runners = runners;
    this.env = env;
  }

  /** A target ready to run: resolved, its waivers read, the problems found on the way; nothing started yet. */
  record Prepared(RunOptions options, Profile profile, Path profileDirectory, Target target, Waivers waivers,
      List<String> warnings) {
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    RunOptions options;
    Prepared prepared;
    try {
      options = RunOptions.parse(args);
      if (options.help) {
        out.println(RunOptions.usage());
        return 0;
      }
      if (options.profiles.size() > 1) {
        return runSeveral(options, out, err);
      }
      prepared = prepare(options, options.profiles.isEmpty() ? null : options.profiles.get(0));
    } catch (UsageException | IllegalArgumentException e) {
      return configurationError(err, e.getMessage());
    }
    Path reportDir = options.reportDir != null ? options.reportDir : DEFAULT_REPORT_DIR;
    TargetRun run = certify(prepared, prepared.profile() == null ? "target" : prepared.profile().name(), ".",
        reportDir, List.of(), out, err);
    if (run.ran()) {
      out.println();
      out.println("reports: " + ReportWriter.FILES.stream().map(f -> reportDir.resolve(f).toString())
          .collect(Collectors.joining(", ")));
    }
    return run.exitCode();
  }

  /**
   * Several profiles: every target is prepared (and every configuration problem reported) before the first
   * runs; then each runs in turn, its reports in its own subdirectory; then the side-by-side summary.
   */
  private int runSeveral(RunOptions options, PrintStream out, PrintStream err) {
    List<String> targetFlags = options.targetFlagsGiven();
    if (!targetFlags.isEmpty()) {
      throw new UsageException("with several --profile options, " + String.join(", ", targetFlags)
          + (targetFlags.size() == 1 ? " is" : " are") + " ambiguous (which target?): put it in the profiles;"
          + " only " + String.join(", ", RunOptions.RUN_FLAGS.stream().sorted().toList())
          + " apply to every target");
    }
    List<Prepared> targets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : options.profiles) {
      try {
        Prepared prepared = prepare(options, file);
        if (prepared.profile().launch() != null && LaunchedTarget.launcherFor(prepared.profile()) == null) {
          throw new UsageException(LaunchedTarget.noLauncher(prepared.profile()));
        }
        targets.add(prepared);
      } catch (UsageException | IllegalArgumentException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(problem -> err.println("llmtck run: " + problem));
      err.println("llmtck run: nothing was run: fix the profile" + (problems.size() == 1 ? "" : "s") + " above"
          + " (llmtck run --help lists the options)");
      return 2;
    }
    List<String> names = uniqueNames(targets, options.profiles);
    List<String> secrets = targets.stream().flatMap(t -> t.target().secrets().stream()).toList();
    Path reportDir = options.reportDir != null ? options.reportDir : DEFAULT_REPORT_DIR;
    out.println("llmtck " + KitVersion.get() + ": " + targets.size() + " targets, one after the other: "
        + String.join(", ", names));
    List<TargetRun> runs = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      out.println();
      out.println("=== target " + (i + 1) + "/" + targets.size() + ": " + names.get(i) + " ===");
      runs.add(certify(targets.get(i), names.get(i), names.get(i), reportDir.resolve(names.get(i)), secrets, out,
          err));
    }
    SummaryTable.printSideBySide(runs, out);
    Set<String> allSecrets = new LinkedHashSet<>(secrets);
    runs.forEach(run -> allSecrets.addAll(run.target().secrets()));
    try {
      ReportWriter.writeSummary(runs, KitVersion.get(), reportDir, Redactor.of(allSecrets));
    } catch (IOException e) {
      err.println("llmtck run: cannot write the summary to " + reportDir + ": " + e.getMessage());
      return 2;
    }
    out.println();
    out.println("reports: " + ReportWriter.SUMMARY_FILES.stream().map(f -> reportDir.resolve(f).toString())
        .collect(Collectors.joining(", ")) + "; each target's in " + reportDir + "/<target>/");
    return SummaryFacts.exitCode(runs);
  }

  Prepared prepare(RunOptions options, Path profileFile) {
    TargetResolver resolver = new TargetResolver(env);
    Profile profile = profileFile == null ? null : Profile.load(profileFile);
    Target target = resolver.resolve(options, profile);
    Waivers waivers = Waivers.of(profile == null ? List.of() : profile.waivers());
    if (options.waivers != null) {
      waivers = waivers.with(Waivers.load(options.waivers));
    }
    Path directory = profileFile == null ? Path.of(".")
        : java.util.Objects.requireNonNullElse(profileFile.toAbsolutePath().getParent(), Path.of("."));
    Platform<?, ?> platform = Platforms.byId(target.platform()).orElseThrow();
    checkSelection(options, platform, runners.apply(platform).catalogue());
    return new Prepared(options, profile, directory, target, waivers, resolver.warnings());
  }

  /**
   * Launches the target if its profile says how, runs its contract, prints its summary and writes its reports
   * into {@code reportDir}, removing this target's secrets and {@code otherSecrets} from everything.
   */
  private TargetRun certify(Prepared prepared, String name, String directory, Path reportDir,
      List<String> otherSecrets, PrintStream out, PrintStream err) {
    try (LaunchedTarget launched = LaunchedTarget.start(prepared.profile(), prepared.profileDirectory(),
        prepared.target(), out)) {
      Target target = launched.target();
      Set<String> secrets = new LinkedHashSet<>(target.secrets());
      secrets.addAll(otherSecrets);
      return runContract(prepared, target, name, directory, reportDir, Redactor.of(secrets), out, err);
    } catch (LaunchedTarget.LaunchFailure e) {
      return notRun(name, directory, prepared.target(), e.getMessage(), err);
    }
  }

  private TargetRun runContract(Prepared prepared, Target target, String name, String directory, Path reportDir,
      Redactor redactor, PrintStream out, PrintStream err) {
    String version = KitVersion.get();
    Waivers waivers = prepared.waivers();
    out.println("llmtck " + version + ": " + ReportFacts.targetLine(target));
    String timeout = target.get(CommonSettings.TIMEOUT_SECONDS.key());
    out.println("  timeout " + (timeout == null ? ClauseRunner.DEFAULT_TIMEOUT_SECONDS : timeout) + " s per request"
        + ", capabilities: " + ReportFacts.capabilitiesLine(target)
        + (waivers.list().isEmpty() ? "" : ", " + waivers.list().size() + " waiver(s)"));
    GitLabValues gitLab = GitLabValues.of(target);
    List<String> warnings = new ArrayList<>(prepared.warnings());
    warnings.addAll(gitLab.warnings());
    List<String> declared = ReportFacts.declaredCapabilities(target);
    if (!declared.isEmpty() && !declared.equals(ReportFacts.capabilities(target))) {
      warnings.add("the embedded reference platform has its own capabilities (" + String.join(", ",
          ReportFacts.capabilities(target)) + "); the declared ones (" + String.join(", ", declared)
          + ") apply only to a platform you point the run at");
    }
    for (String warning : warnings) {
      err.println("llmtck run: warning: " + redactor.text(warning));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ConsoleProgress progress = new ConsoleProgress(out, waivers.list().stream().filter(w -> !w.expiredOn(today))
        .map(Waiver::id).collect(Collectors.toSet()));
    Platform<?, ?> platform = Platforms.byId(target.platform()).orElseThrow();
    RunResult result = runners.apply(platform).selecting(selection(prepared.options(), platform))
        .run(target, waivers, progress, version, redactor);
    if (result.results().isEmpty()) {
      return notRun(name, directory, target, "no clauses found for platform '" + target.platform() + "'"
          + (prepared.options().clauses.isEmpty() && prepared.options().areas.isEmpty() ? ""
              : " among the selected ones (--clause, --area)"), err);
    }
    SummaryTable.print(result, out);
    SummaryTable.printGitLabValues(gitLab, result, out);
    gitLab.warnings().forEach(w -> out.println("  warning: " + redactor.text(w)));
    try {
      ReportWriter.write(result, reportDir, redactor);
    } catch (IOException e) {
      return notRun(name, directory, target, "cannot write the reports to " + reportDir + ": " + e.getMessage(),
          err);
    }
    return new TargetRun(name, directory, target, result, null);
  }

  /** The clauses {@code --clause} and {@code --area} select (every clause when neither is given). */
  private static java.util.function.Predicate<ClauseInfo> selection(RunOptions options, Platform<?, ?> platform) {
    if (options.clauses.isEmpty() && options.areas.isEmpty()) {
      return clause -> true;
    }
    return clause -> options.clauses.contains(clause.id()) || options.areas.contains(clause.area());
  }

  /** A --clause or --area that names nothing in the platform's contract is a mistake, not an empty run. */
  private static void checkSelection(RunOptions options, Platform<?, ?> platform, ClauseCatalogue catalogue) {
    for (String id : options.clauses) {
      if (catalogue.byId(id).isEmpty()) {
        throw new UsageException("--clause " + id + ": platform " + platform.id() + " has no such clause (llmtck"
            + " clauses --platform " + platform.id() + " lists them)");
      }
    }
    for (String area : options.areas) {
      if (catalogue.ofArea(area).isEmpty()) {
        throw new UsageException("--area " + area + ": platform " + platform.id() + " has no such area (its areas: "
            + String.join(", ", catalogue.all().stream().map(ClauseInfo::area).distinct().toList()) + ")");
      }
    }
  }

  private static TargetRun notRun(String name, String directory, Target target, String problem, PrintStream err) {
    err.println("llmtck run: " + problem);
    return new TargetRun(name, directory, target, null, problem);
  }



  /** Each target's name, from its profile (or file name), made safe as a directory name and unique. */
  private static List<String> uniqueNames(List<Prepared> targets, List<Path> files) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      String given = targets.get(i).profile().name();
      if (given == null || given.isBlank()) {
        given = files.get(i).getFileName().toString().replaceFirst("\\.ya?ml$", "");
      }
      String base = given.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
      base = base.isEmpty() ? "target" : base;
      String name = base;
      for (int n = 2; names.contains(name); n++) {
        name = base + "-" + n;
      }
      names.add(name);
    }
    return names;
  }

  private static int configurationError(PrintStream err, String message) {
    err.println("llmtck run: " + message);
    err.println("(llmtck run --help lists the options)");
    return 2;
  }
}
