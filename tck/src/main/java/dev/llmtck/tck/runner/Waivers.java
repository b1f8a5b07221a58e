package dev.llmtck.tck.runner;

import dev.llmtck.tck.clause.ClauseInfo;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of {@link Waiver}s, read from a YAML file:
 *
 * <pre>{@code
 * waivers:
 *   - id: OAI-HEALTH-1
 *     reason: "the gateway in front of vLLM does not expose /health"
 *     expires: 2026-12-31     # optional, inclusive
 * }</pre>
 */
public final class Waivers {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, Waiver> byId;

  private Waivers(Map<String, Waiver> byId) {
    this.byId = byId;
  }

  /** No waivers. */
  public static Waivers none() {
    return new Waivers(Map.of());
  }

  /** These waivers; a clause id given twice is a configuration error. */
  public static Waivers of(List<Waiver> waivers) {
    Map<String, Waiver> byId = new LinkedHashMap<>();
    for (Waiver waiver : waivers == null ? List.<Waiver>of() : waivers) {
      if (byId.put(waiver.id(), waiver) != null) {
        throw new IllegalArgumentException("clause " + waiver.id() + " is waived twice");
      }
    }
    return new Waivers(byId);
  }

  /** Reads a waiver file; any problem (missing file, bad YAML, a waiver without reason) is a configuration error. */
  public static Waivers load(Path file) {
    try {
      File parsed = YAML.readValue(file.toFile(), File.class);
      return of(parsed == null ? List.of() : parsed.waivers);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read waivers from " + file + ": " + ConfigErrors.describe(e), e);
    }
  }

  /** These waivers and {@code more}; a waiver in {@code more} replaces one here for the same clause. */
  public Waivers with(Waivers more) {
    Map<String, Waiver> all = new LinkedHashMap<>(byId);
    all.putAll(more.byId);
    return new Waivers(all);
  }

  /** All waivers, in file order. */
  public List<Waiver> list() {
    return List.copyOf(byId.values());
  }

  /** The results with valid waivers applied, and what is wrong with any waiver, as of {@code today}. */
  Applied apply(List<ClauseResult> results, LocalDate today) {
    List<ClauseResult> applied = new ArrayList<>();
    List<WaiverNote> notes = new ArrayList<>();
    Set<String> ids = results.stream().map(r -> r.clause().id()).collect(Collectors.toSet());
    for (ClauseResult result : results) {
      Waiver waiver = byId.get(result.clause().id());
      if (waiver == null) {
        applied.add(result);
      } else if (waiver.expiredOn(today)) {
        applied.add(result);
        notes.add(new WaiverNote(waiver.id(), WaiverNote.Kind.EXPIRED, "the waiver for " + waiver.id()
            + " expired on " + waiver.expires() + "; the clause counts as " + result.status().reportName()));
      } else if (result.status() == ClauseStatus.FAILED) {
        applied.add(result.waived(waiver.reason()));
      } else {
        applied.add(result);
        notes.add(new WaiverNote(waiver.id(), WaiverNote.Kind.UNUSED, "the waiver for " + waiver.id()
            + " is not needed: the clause " + result.status().reportName() + "; remove it"));
      }
    }
    for (Waiver waiver : byId.values()) {
      if (!ids.contains(waiver.id())) {
        notes.add(new WaiverNote(waiver.id(), WaiverNote.Kind.UNKNOWN, "the waiver for " + waiver.id()
            + " names no clause of this contract (a typo, or a clause that was renamed?)"));
      }
    }
    return new Applied(applied, notes);
  }

  /** Results after waivers, and the notes about the waivers themselves. */
  record Applied(List<ClauseResult> results, List<WaiverNote> notes) {
  }

  /** The file's shape. */
  private static final class File {
    @JsonProperty("waivers")
    List<Waiver> waivers;
  }
}
