package dev.llmtck.tck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmtck.tck.clause.ClauseCatalogue;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.platform.Platforms;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code llmtck clauses}: the clause catalogue, every installed platform's or one's: id, level and statement per
 * line, or with {@code --json} every field (area, platform, source, the method that checks it).
 */
final class ClausesCommand {
  static final String USAGE = String.join("\n",
      "usage: llmtck clauses [--platform P] [--area AREA] [--json]",
      "Lists the contract's clauses: id, level (MUST, SHOULD, MAY) and statement; --json adds area, platform,",
      "source and the test method. --platform and --area narrow the list.");

  private ClausesCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String platform = null;
    String area = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--platform", "--area" -> {
          if (i + 1 >= args.length) {
            err.println("llmtck clauses: " + args[i] + " needs a value");
            return 2;
          }
          if (args[i].equals("--platform")) {
            platform = args[++i];
          } else {
            area = args[++i];
          }
        }
        case "--json" -> json = true;
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          err.println("llmtck clauses: unknown option " + args[i]);
          err.println(USAGE);
          return 2;
        }
      }
    }
    if (platform != null && Platforms.byId(platform).isEmpty()) {
      err.println("llmtck clauses: unknown platform '" + platform + "': use " + String.join(", ", Platforms.ids()));
      return 2;
    }
    String wantedPlatform = platform;
    String wantedArea = area;
    List<ClauseInfo> clauses = ClauseCatalogue.installed().select(c -> (wantedPlatform == null
        || c.platform().equals(wantedPlatform)) && (wantedArea == null || c.area().equals(wantedArea)));
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode list = mapper.createArrayNode();
      clauses.forEach(c -> list.addObject().put("id", c.id()).put("level", c.level().name()).put("area", c.area())
          .put("platform", c.platform()).put("statement", c.statement()).put("source", c.source())
          .put("test", c.testClass() + "#" + c.testMethod()));
      out.println(list.toPrettyString());
      return 0;
    }
    for (ClauseInfo c : clauses) {
      out.println(String.format(Locale.ROOT, "%-16s %-6s %-8s %s", c.id(), c.level(), c.platform(), c.statement()));
    }
    out.println(clauses.size() + " clauses");
    return 0;
  }
}
