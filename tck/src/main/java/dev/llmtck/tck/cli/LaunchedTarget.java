package dev.llmtck.tck.cli;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.TargetLauncher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A target ready to be checked: as configured, or, when its profile has a {@code launch:} section, started by the
 * {@link TargetLauncher} that supports the section (found with {@link ServiceLoader}) and pointed at by the
 * settings the launcher gives. Closing it stops what was launched.
 */
final class LaunchedTarget implements AutoCloseable {
  private final Target target;
  private final TargetLauncher.Launched launched;

  private LaunchedTarget(Target target, TargetLauncher.Launched launched) {
    this.target = target;
    this.launched = launched;
  }

  /** A launch that did not happen, with the reason in one sentence (secrets removed). */
  static final class LaunchFailure extends Exception {
    LaunchFailure(String message) {
      super(message);
    }
  }

  /** Starts {@code target} if {@code profile} says how; otherwise returns it as it is. */
  static LaunchedTarget start(Profile profile, Path profileDirectory, Target target, PrintStream out)
      throws LaunchFailure {
    if (profile == null || profile.launch() == null) {
      return new LaunchedTarget(target, null);
    }
    TargetLauncher launcher = launcherFor(profile);
    if (launcher == null) {
      throw new LaunchFailure(noLauncher(profile));
    }
    TargetLauncher.Launched launched;
    try {
      launched = launcher.launch(profile, profile.launch(), profileDirectory);
    } catch (Exception e) {
      throw new LaunchFailure("could not launch the target of profile " + profile.name() + ": "
          + target.redactor().text(String.valueOf(e.getMessage())));
    }
    Map<String, String> settings = new LinkedHashMap<>(target.settings());
    settings.putAll(launched.settings());
    Set<String> secretKeys = new LinkedHashSet<>(target.secretKeys());
    secretKeys.addAll(launched.secretKeys());
    Target started = new Target(target.platform(), target.profile(), settings, secretKeys);
    out.println("launched " + started.redactor().text(launched.describe()));
    return new LaunchedTarget(started, launched);
  }

  /** The target, pointing at what was launched. */
  Target target() {
    return target;
  }

  @Override
  public void close() {
    if (launched != null) {
      launched.close();
    }
  }

  static TargetLauncher launcherFor(Profile profile) {
    for (TargetLauncher launcher : ServiceLoader.load(TargetLauncher.class)) {
      if (launcher.supports(profile.launch())) {
        return launcher;
      }
    }
    return null;
  }

  static String noLauncher(Profile profile) {
    return "profile " + profile.name() + " has a launch: section, but no launcher in this kit understands it;"
        + " start the target yourself and remove launch:, or use a kit that can launch it";
  }
}
