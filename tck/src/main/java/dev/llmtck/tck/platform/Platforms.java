package dev.llmtck.tck.platform;

import dev.llmtck.tck.clause.ClauseCatalogue;
import dev.llmtck.tck.runner.DuoFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The installed platforms ({@link ServiceLoader}), each checked as it loads: a unique id, settings under their
 * own keys, and every clause its Duo features name present in its contract. A platform that fails a check is a
 * broken build of the kit, so loading stops with {@link IllegalStateException} naming the problem.
 */
public final class Platforms {
  private static volatile Map<String, Platform<?, ?>> loaded;

  private Platforms() {
  }

  /** Every installed platform, in service-file order. */
  public static List<Platform<?, ?>> all() {
    return List.copyOf(load().values());
  }

  /** The platform with this id. */
  public static Optional<Platform<?, ?>> byId(String id) {
    return Optional.ofNullable(load().get(id));
  }

  /** The ids of the installed platforms. */
  public static Set<String> ids() {
    return load().keySet();
  }

  /** Every setting of {@code platform}: its own and the shared ones. */
  public static List<Setting> settingsOf(Platform<?, ?> platform) {
    List<Setting> all = new ArrayList<>(CommonSettings.ALL);
    all.addAll(platform.settings());
    return all;
  }

  private static Map<String, Platform<?, ?>> load() {
    Map<String, Platform<?, ?>> platforms = loaded;
    if (platforms == null) {
      synchronized (Platforms.class) {
        if (loaded == null) {
          Map<String, Platform<?, ?>> found = new LinkedHashMap<>();
          for (Platform<?, ?> platform : ServiceLoader.load(Platform.class, Platforms.class.getClassLoader())) {
            check(platform);
            if (found.put(platform.id(), platform) != null) {
              throw new IllegalStateException("two platforms have the id '" + platform.id() + "'");
            }
          }
          loaded = java.util.Collections.unmodifiableMap(found);
        }
        platforms = loaded;
      }
    }
    return platforms;
  }

  /** The checks a platform must pass to load. */
  static void check(Platform<?, ?> platform) {
    String id = platform.id();
    if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalStateException("a platform id is lowercase letters, digits and dashes: '" + id + "'");
    }
    Set<String> keys = new HashSet<>();
    CommonSettings.ALL.forEach(s -> keys.add(s.key()));
    for (Setting setting : platform.settings()) {
      if (!keys.add(setting.key())) {
        throw new IllegalStateException("platform " + id + " declares setting " + setting.key() + " twice (or one"
            + " of the shared settings)");
      }
    }
    ClauseCatalogue catalogue = ClauseCatalogue.of(platform.contractClasses());
    Set<String> clauses = new TreeSet<>();
    catalogue.all().forEach(c -> clauses.add(c.id()));
    if (clauses.isEmpty()) {
      throw new IllegalStateException("platform " + id + " has no clauses in " + platform.contractClasses());
    }
    List<String> unknownCauses = platform.likelyCauses().stream().filter(c -> !clauses.contains(c)).toList();
    if (!unknownCauses.isEmpty()) {
      throw new IllegalStateException("platform " + id + ": its likely causes name clauses its contract does not"
          + " have: " + unknownCauses);
    }
    for (DuoFeature feature : platform.duoFeatures()) {
      List<String> unknown = new ArrayList<>();
      feature.core().stream().filter(c -> !clauses.contains(c)).forEach(unknown::add);
      feature.supporting().stream().filter(c -> !clauses.contains(c)).forEach(unknown::add);
      if (!unknown.isEmpty()) {
        throw new IllegalStateException("platform " + id + ": Duo feature '" + feature.name() + "' names clauses its"
            + " contract does not have: " + unknown);
      }
    }
  }
}
