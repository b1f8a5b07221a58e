package dev.llmtck.tck.platform;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Typed targets the runner opens for the runs under way, by run id: how the runner hands the one target it builds
 * to the clauses of a JUnit run (which carries only the id, {@link CommonSettings#RUN}), instead of the clauses
 * parsing the settings again. A target is opened when the first clause asks for it, and closed with its
 * registration.
 */
public final class RunTargets {
  private static final Map<String, Registration> OPEN = new ConcurrentHashMap<>();

  private RunTargets() {
  }

  /** A registered target; closing it closes the target (if it was opened) and removes it. */
  public static final class Registration implements AutoCloseable {
    private final String id;
    private final Supplier<RunTarget<?>> opener;
    private RunTarget<?> opened;

    private Registration(String id, Supplier<RunTarget<?>> opener) {
      this.id = id;
      this.opener = opener;
    }

    /** The run id to pass as {@link CommonSettings#RUN}. */
    public String id() {
      return id;
    }

    synchronized RunTarget<?> target() {
      if (opened == null) {
        try {
          opened = opener.get();
        } catch (RuntimeException e) {
          opened = RunTarget.failed(e);
        }
      }
      return opened;
    }

    @Override
    public synchronized void close() throws Exception {
      OPEN.remove(id);
      if (opened != null) {
        opened.close();
      }
    }
  }

  /** Registers the target {@code opener} opens, under a new run id; nothing is opened yet. */
  public static Registration register(Supplier<RunTarget<?>> opener) {
    Registration registration = new Registration(UUID.randomUUID().toString(), opener);
    OPEN.put(registration.id(), registration);
    return registration;
  }

  /** The target of run {@code id}, opened on first use; {@code null} for an unknown id. */
  static RunTarget<?> get(String id) {
    Registration registration = OPEN.get(id);
    return registration == null ? null : registration.target();
  }
}
