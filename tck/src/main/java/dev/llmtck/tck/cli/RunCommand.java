package dev.llmtck.tck.cli;

import dev.llmtck.tck.report.ReportFacts;
import dev.llmtck.tck.report.ReportWriter;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.TargetLauncher;
import dev.llmtck.tck.runner.Waiver;
import dev.llmtck.tck.runner.Waivers;
import dev.llmtck.tck.target.TargetKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code llmtck run}: certifies one target. Resolves it from flags, profile and environment, runs its platform's
 * contract clause by clause with progress on the console, prints the summary and the values to type into
 * GitLab, writes the reports. Exit code 0 when every MUST clause passed, 1 when one failed, 2 for a usage or
 * configuration error (one message, no stack trace).
 */
final class RunCommand {
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "llmtck-report");

  private final Function<String, String> contractPackages;
  private final Map<String, String> env;

  /** The command as the kit ships it: the contract of platform {@code p} lives in {@code dev.llmtck.tck.<p>}. */
  RunCommand(Map<String, String> env) {
    this(ClauseRunner::contractPackage, env);
  }

  RunCommand(Function<String, String> contractPackages, Map<String, String> env) {
    this.contractPackages = contractPackages;
    this.env = env;
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    RunOptions options;
    Profile profile;
    Target target;
    Waivers waivers;
    TargetResolver resolver = new TargetResolver(env);
    try {
      options = RunOptions.parse(args);
      if (options.help) {
        out.println(RunOptions.USAGE);
        return 0;
      }
      profile = options.profile == null ? null : Profile.load(options.profile);
      target = resolver.resolve(options, profile);
      waivers = Waivers.of(profile == null ? List.of() : profile.waivers());
      if (options.waivers != null) {
        waivers = waivers.with(Waivers.load(options.waivers));
      }
    } catch (UsageException | IllegalArgumentException e) {
      err.println("llmtck run: " + e.getMessage());
      err.println("(llmtck run --help lists the options)");
      return 2;
    }
    Path reportDir = options.reportDir != null ? options.reportDir : DEFAULT_REPORT_DIR;
    TargetLauncher.Launched launched = null;
    try {
      if (profile != null && profile.launch() != null) {
        launched = launch(profile, err);
        if (launched == null) {
          return 2;
        }
        Map<String, String> settings = new LinkedHashMap<>(target.settings());
        settings.putAll(launched.settings());
        Set<String> secretKeys = new java.util.LinkedHashSet<>(target.secretKeys());
        secretKeys.addAll(launched.secretKeys());
        target = new Target(target.platform(), target.profile(), settings, secretKeys);
        out.println("launched " + target.redactor().text(launched.describe()));
      }
      return certify(target, waivers, reportDir, resolver, out, err);
    } finally {
      if (launched != null) {
        launched.close();
      }
    }
  }

  private int certify(Target target, Waivers waivers, Path reportDir, TargetResolver resolver, PrintStream out,
      PrintStream err) {
    String version = KitVersion.get();
    out.println("llmtck " + version + ": " + ReportFacts.targetLine(target));
    String timeout = target.get(TargetKeys.TIMEOUT_SECONDS);
    out.println("  timeout " + (timeout == null ? ClauseRunner.DEFAULT_TIMEOUT_SECONDS : timeout) + " s per request"
        + ", capabilities: " + ReportFacts.capabilitiesLine(target)
        + (waivers.list().isEmpty() ? "" : ", " + waivers.list().size() + " waiver(s)"));
    GitLabValues gitLab = GitLabValues.of(target);
    List<String> warnings = concat(resolver.warnings(), gitLab.warnings());
    List<String> declared = ReportFacts.declaredCapabilities(target);
    if (!declared.isEmpty() && !declared.equals(ReportFacts.capabilities(target))) {
      warnings.add("the embedded reference platform has its own capabilities (" + String.join(", ",
          ReportFacts.capabilities(target)) + "); the declared ones (" + String.join(", ", declared)
          + ") apply only to a platform you point the run at");
    }
    for (String warning : warnings) {
      err.println("llmtck run: warning: " + target.redactor().text(warning));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ConsoleProgress progress = new ConsoleProgress(out, waivers.list().stream().filter(w -> !w.expiredOn(today))
        .map(Waiver::id).collect(Collectors.toSet()));
    RunResult result = new ClauseRunner(contractPackages.apply(target.platform())).run(target, waivers, progress,
        version);
    if (result.results().isEmpty()) {
      err.println("llmtck run: no clauses found for platform '" + target.platform() + "' (package "
          + contractPackages.apply(target.platform()) + "): this build of the kit has no such contract");
      return 2;
    }
    SummaryTable.print(result, out);
    SummaryTable.printGitLabValues(gitLab, out);
    gitLab.warnings().forEach(w -> out.println("  warning: " + target.redactor().text(w)));
    try {
      ReportWriter.write(result, reportDir);
    } catch (IOException e) {
      err.println("llmtck run: cannot write the reports to " + reportDir + ": " + e.getMessage());
      return 2;
    }
    out.println();
    out.println("reports: " + ReportWriter.FILES.stream().map(f -> reportDir.resolve(f).toString())
        .collect(Collectors.joining(", ")));
    return result.exitCode();
  }

  private static TargetLauncher.Launched launch(Profile profile, PrintStream err) {
    for (TargetLauncher launcher : ServiceLoader.load(TargetLauncher.class)) {
      if (launcher.supports(profile.launch())) {
        try {
          return launcher.launch(profile, profile.launch());
        } catch (Exception e) {
          err.println("llmtck run: could not launch the target of profile " + profile.name() + ": " + e.getMessage());
          return null;
        }
      }
    }
    err.println("llmtck run: profile " + profile.name() + " has a launch: section, but no launcher in this kit"
        + " understands it; start the target yourself and remove launch:, or use a kit that can launch it");
    return null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
