package dev.llmtck.tck.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI templates users include: GitLab's ({@code ci/gitlab/llmtck-vllm-gpu.gitlab-ci.yml}) and GitHub's reusable
 * workflow ({@code ci/github/llmtck-vllm-gpu.yml}, the same as {@code .github/workflows/llmtck-vllm-gpu.yml}).
 *
 * <p>First against the schemas their editors validate with: GitLab's own CI schema (GitLab's
 * {@code app/assets/javascripts/editor/schema/ci.json}) and SchemaStore's {@code github-workflow.json}, both as
 * check-jsonschema 0.39.0 vendors them ({@code vendor.gitlab-ci}, {@code vendor.github-workflows}; copied beside this
 * test with their licenses). A schema says a file is well-formed, not that it does the right thing, so then the
 * structure llmtck needs: the kit is built or fetched in a job before the GPU job, the GPU job builds nothing, jobs
 * run only on rules (never on every push), no fixed host port, extending the hidden job keeps the report directory,
 * artifacts and JUnit report, and the job summary is a Markdown table.
 */
class CiTemplatesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path HERE = Path.of("src/test/java/dev/llmtck/tck/templates");
  private static final Path GITLAB = ROOT.resolve("ci/gitlab/llmtck-vllm-gpu.gitlab-ci.yml");
  private static final Path GITHUB = ROOT.resolve("ci/github/llmtck-vllm-gpu.yml");
  private static final Path GITHUB_COPY = ROOT.resolve(".github/workflows/llmtck-vllm-gpu.yml");
  private static final Path CERTIFY = ROOT.resolve("ci/gpu/certify-vllm.sh");
  private static final Path SUMMARY = ROOT.resolve("ci/gpu/junit-summary.sh");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  // --- schemas -------------------------------------------------------------------------------------------------

  @Test
  void theGitLabTemplateIsValidGitLabCi() throws IOException {
    assertThat(errors("gitlab-ci.schema.json", yaml(GITLAB))).isEmpty();
  }

  @Test
  void theGitHubWorkflowIsAValidWorkflowAndItsCopyIsTheSame() throws IOException {
    assertThat(errors("github-workflow.schema.json", yaml(GITHUB))).isEmpty();
    assertThat(Files.readString(GITHUB_COPY)).as(".github/workflows/ holds the same file, so `uses:` works")
        .isEqualTo(Files.readString(GITHUB));
  }

  @Test
  void theSchemasRefuseWhatGitLabAndGitHubRefuse() throws IOException {
    ObjectNode gitlab = (ObjectNode) yaml(GITLAB);
    ((ObjectNode) gitlab.get(".llmtck-vllm-gpu")).put("rules", "always");
    ((ObjectNode) gitlab.get("llmtck-kit")).put("stages", "build");
    assertThat(errors("gitlab-ci.schema.json", gitlab)).isNotEmpty();

    ObjectNode github = (ObjectNode) yaml(GITHUB);
    ((ObjectNode) github.get("jobs").get("certify")).put("run-on", "gpu");
    assertThat(errors("github-workflow.schema.json", github)).isNotEmpty();
  }

  // --- GitLab --------------------------------------------------------------------------------------------------

  @Test
  void gitLabBuildsTheKitBeforeTheGpuJobAndTheGpuJobBuildsNothing() throws IOException {
    JsonNode ci = yaml(GITLAB);
    JsonNode kit = resolved(ci, "llmtck-kit");
    JsonNode gpu = resolved(ci, "llmtck-vllm-gpu");

    assertThat(kit.path("stage").asText()).isEqualTo(".pre");
    assertThat(text(kit.path("script"))).contains("package -pl tck -am", "LLMTCK_JAR_URL", "--version");
    assertThat(kit.path("artifacts").path("paths")).extracting(JsonNode::asText).contains("llmtck-kit/");
    assertThat(gpu.path("needs")).extracting(JsonNode::asText).containsExactly("llmtck-kit");
    assertThat(gpu.path("tags")).extracting(JsonNode::asText).contains("gpu");
    String script = text(gpu.path("script"));
    assertThat(script).contains("LLMTCK_JAR=", "llmtck-kit/certify-vllm.sh")
        .doesNotContain("./llmtck", "mvnw", "mvn ", "git clone");
  }

  @Test
  void gitLabJobsRunOnRulesNeverOnEveryPush() throws IOException {
    JsonNode ci = yaml(GITLAB);
    for (String job : List.of("llmtck-kit", "llmtck-vllm-gpu")) {
      JsonNode rules = resolved(ci, job).path("rules");
      assertThat(rules.isArray() && rules.size() > 0).as("%s has rules", job).isTrue();
      for (JsonNode rule : rules) {
        boolean conditional = rule.has("if") || rule.has("changes");
        boolean manual = "manual".equals(rule.path("when").asText());
        assertThat(conditional || manual).as("%s: rule %s runs on every push", job, rule).isTrue();
        if (manual) {
          assertThat(rule.path("allow_failure").asBoolean()).as("a manual job must not block the pipeline").isTrue();
        }
      }
      String conditions = rules.toString();
      assertThat(conditions).contains("schedule", "web", "merge_request_event", "changes");
      assertThat(conditions).as("%s never runs on a plain push", job).doesNotContain("\"push\"");
    }
  }

  @Test
  void extendingTheHiddenJobKeepsTheReportDirectoryArtifactsAndJUnitReport() throws IOException {
    ObjectNode ci = (ObjectNode) yaml(GITLAB);
    // A user's job, as the template's header shows it: only the model changes.
    ObjectNode mine = ci.putObject("certify-mixtral");
    mine.put("extends", ".llmtck-vllm-gpu");
    mine.putObject("variables").put("VLLM_MODEL", "mistralai/Mixtral-8x7B-Instruct-v0.1");
    JsonNode job = resolved(ci, "certify-mixtral");

    assertThat(job.path("variables").path("LLMTCK_REPORT_DIR").asText()).isEqualTo("$CI_PROJECT_DIR/llmtck-report");
    assertThat(job.path("variables").path("VLLM_MODEL").asText()).isEqualTo("mistralai/Mixtral-8x7B-Instruct-v0.1");
    assertThat(job.path("artifacts").path("when").asText()).isEqualTo("always");
    assertThat(job.path("artifacts").path("paths")).extracting(JsonNode::asText).containsExactly("llmtck-report/");
    assertThat(job.path("artifacts").path("reports").path("junit").asText()).isEqualTo("llmtck-report/junit.xml");
    assertThat(job.path("needs")).extracting(JsonNode::asText).containsExactly("llmtck-kit");
    assertThat(errors("gitlab-ci.schema.json", ci)).isEmpty();
  }

  @Test
  void gitLabLeavesTheHostAndPortToTheScript() throws IOException {
    JsonNode ci = yaml(GITLAB);
    assertThat(ci.path("variables").has("VLLM_HOST")).as("Docker executors can name where vLLM is reached").isTrue();
    assertThat(ci.path("variables").has("VLLM_HOST_PORT")).as("no fixed host port").isFalse();
    assertThat(Files.readString(GITLAB)).doesNotContain("8000:8000");
  }

  // --- GitHub --------------------------------------------------------------------------------------------------

  @Test
  void gitHubBuildsTheKitInAJobOfItsOwnAndWritesAMarkdownSummary() throws IOException {
    JsonNode workflow = yaml(GITHUB);
    JsonNode kit = workflow.path("jobs").path("kit");
    JsonNode certify = workflow.path("jobs").path("certify");
    assertThat(workflow.path("on").has("workflow_call")).isTrue();
    assertThat(text(kit.path("steps"))).contains("package -pl tck -am", "actions/upload-artifact", "--version");
    assertThat(certify.path("needs").asText()).isEqualTo("kit");

    List<String> uses = new ArrayList<>();
    int download = -1;
    int run = -1;
    int summary = -1;
    for (int i = 0; i < certify.path("steps").size(); i++) {
      JsonNode step = certify.path("steps").get(i);
      uses.add(step.path("uses").asText(""));
      if (step.path("uses").asText("").startsWith("actions/download-artifact")) {
        download = i;
      }
      if (step.path("run").asText("").contains("certify-vllm.sh")) {
        run = i;
        assertThat(step.path("env").path("LLMTCK_JAR").asText()).endsWith("llmtck-kit/llmtck.jar");
      }
      if (step.path("run").asText("").contains("GITHUB_STEP_SUMMARY")) {
        summary = i;
        assertThat(step.path("run").asText()).contains("summary.md").doesNotContain("grep -o");
      }
    }
    assertThat(download).as("the kit arrives before vLLM starts").isBetween(0, run - 1);
    assertThat(summary).isGreaterThan(run);
    assertThat(text(certify.path("steps"))).doesNotContain("./llmtck", "mvnw", "mvn ");
  }

  // --- the script ----------------------------------------------------------------------------------------------

  @Test
  void theScriptMakesTheKitReadyBeforeVllmStartsAndPublishesNoFixedPort() throws IOException {
    String script = Files.readString(CERTIFY);
    int kitReady = script.indexOf("kit ready");
    int vllmStarts = script.indexOf("docker run -d");
    assertThat(kitReady).isPositive().isLessThan(vllmStarts);
    assertThat(script.substring(0, vllmStarts)).contains("--version");
    assertThat(script).doesNotContain("8000:8000", "VLLM_HOST_PORT:-8000")
        .contains("docker port", "--network \"container:");
  }

  @Test
  void theSummaryIsAMarkdownTableWithTheFailures(@TempDir Path dir) throws Exception {
    Path junit = dir.resolve("junit.xml");
    Files.writeString(junit, String.join("\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<testsuites name=\"llmtck openai contract\" tests=\"4\" failures=\"1\" time=\"1.0\">",
        "  <testsuite name=\"llmtck.openai.OAI-MODELS\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">",
        "    <testcase classname=\"llmtck.openai.OAI-MODELS\" name=\"OAI-MODELS-1 [MUST] GET /v1/models lists"
            + " the model\" time=\"0.1\"></testcase>",
        "    <testcase classname=\"llmtck.openai.OAI-MODELS\" name=\"OAI-MODELS-2 [MUST] the served name | is"
            + " listed\" time=\"0.1\"><failure message=\"OAI-MODELS-2: &quot;x&quot; is not listed\">MUST clause"
            + " failed (fatal: ...)",
        "evidence ...</failure></testcase>",
        "  </testsuite>",
        "  <testsuite name=\"llmtck.openai.OAI-TOOLS\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\">",
        "    <testcase classname=\"llmtck.openai.OAI-TOOLS\" name=\"OAI-TOOLS-1 [SHOULD] tools\" time=\"0.1\"/>",
        "    <testcase classname=\"llmtck.openai.OAI-TOOLS\" name=\"OAI-TOOLS-2 [MUST] more tools\" time=\"0.1\">"
            + "<skipped message=\"skipped: tools not declared\">skipped: tools not declared</skipped></testcase>",
        "  </testsuite>",
        "</testsuites>", ""));
    Process process = new ProcessBuilder("bash", SUMMARY.toString(), junit.toString(), "1")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String markdown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();

    assertThat(markdown).startsWith("## llmtck: not certified: a MUST clause failed")
        .contains("| level | passed | failed | skipped | total |",
            "| MUST | 1 | 1 | 1 | 3 |",
            "| SHOULD | 1 | 0 | 0 | 1 |",
            "| **all** | **2** | **1** | **1** | **4** |",
            "| OAI-MODELS-2 | MUST | the served name \\| is listed | OAI-MODELS-2: \"x\" is not listed |",
            "| OAI-TOOLS-2 | MUST | skipped: tools not declared |")
        .doesNotContain("tests=\"", "failures=\"");
  }

  // --- what can be checked offline: syntax, files called, images --------------------------------------------------

  @Test
  void everyScriptParses() throws Exception {
    List<Path> scripts = List.of(CERTIFY, SUMMARY, ROOT.resolve("examples/build.sh"),
        ROOT.resolve("containers/src/main/docker/vllm-cpu/build-python-base-image.sh"),
        ROOT.resolve("containers/src/main/docker/vllm-cpu/fetch-wheels.sh"));
    for (Path script : scripts) {
      assertThat(run("bash", "-n", script.toString())).as("bash -n %s", ROOT.relativize(script)).isEmpty();
    }
    // shellcheck where the machine has it (llmtck's CI does not install it): errors only, no style opinions.
    if (new ProcessBuilder("sh", "-c", "command -v shellcheck").start().waitFor() == 0) {
      for (Path script : scripts) {
        assertThat(run("shellcheck", "-S", "error", script.toString())).as("shellcheck %s",
            ROOT.relativize(script)).isEmpty();
      }
    }
  }

  @Test
  void theFilesAndModulesTheTemplatesCallExistInTheRepository() throws IOException {
    Pattern repoScript = Pattern.compile("(?<![\\w/.-])(ci/[\\w./-]+\\.sh)");
    Pattern kitScript = Pattern.compile("llmtck-kit/([\\w.-]+\\.sh)");
    Pattern module = Pattern.compile("-pl (\\w+)");
    List<String> called = new ArrayList<>();
    for (Path template : List.of(GITLAB, GITHUB)) {
      String text = Files.readString(template);
      for (Matcher m = repoScript.matcher(text); m.find(); ) {
        called.add(m.group(1));
      }
      // The kit job copies ci/gpu's scripts into llmtck-kit/; the GPU job calls them there.
      for (Matcher m = kitScript.matcher(text); m.find(); ) {
        called.add("ci/gpu/" + m.group(1));
      }
      for (Matcher m = module.matcher(text); m.find(); ) {
        called.add(m.group(1) + "/pom.xml");
      }
    }
    assertThat(called).contains("ci/gpu/certify-vllm.sh", "ci/gpu/junit-summary.sh", "tck/pom.xml");
    for (String file : called) {
      assertThat(ROOT.resolve(file)).as("%s, called by a template", file).isRegularFile();
    }
    String script = Files.readString(CERTIFY);
    assertThat(script).as("certify-vllm.sh calls the summary beside it, or none")
        .doesNotContainPattern("bash [^\\n]*ci/(?!gpu/junit-summary)");
  }

  @Test
  void imagesAreParametersAndNoRegistryHostIsWrittenIn() throws IOException {
    JsonNode ci = yaml(GITLAB);
    for (String job : List.of("llmtck-kit", "llmtck-vllm-gpu")) {
      JsonNode image = resolved(ci, job).path("image");
      if (!image.isMissingNode()) {
        String name = image.isObject() ? image.path("name").asText() : image.asText();
        assertThat(name).as("%s's image is a variable the user overrides", job).startsWith("$");
      }
    }
    assertThat(ci.path("variables").has("VLLM_IMAGE")).isTrue();
    assertThat(ci.path("variables").has("LLMTCK_IMAGE")).isTrue();
    JsonNode inputs = yaml(GITHUB).path("on").path("workflow_call").path("inputs");
    assertThat(inputs.has("vllm-image")).as("the workflow takes the vLLM image as an input").isTrue();
    assertThat(Files.readString(CERTIFY)).contains("${VLLM_IMAGE:-", "LLMTCK_IMAGE");

    // An image reference with a registry host (registry.example.com/..., host:5000/...): none is written in; the
    // defaults are Docker Hub's short names, which a user's runner may map to its mirror.
    Pattern hostImage = Pattern.compile("(?<![\\w/.:-])[a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?/[a-z0-9._/-]+(:[\\w.-]+)?"
        + "|(?<![\\w/.:-])[a-z0-9-]+:\\d+/[a-z0-9._/-]+");
    for (Path file : List.of(GITLAB, GITHUB, CERTIFY)) {
      for (String line : Files.readAllLines(file)) {
        String code = line.contains("#") && !line.contains("${{") ? line.substring(0, line.indexOf('#')) : line;
        if (code.contains("://")) {
          continue; // URLs (of services reached at run time, built from variables), not image references
        }
        Matcher m = hostImage.matcher(code);
        assertThat(m.find()).as("%s: a registry host in `%s`", ROOT.relativize(file), line.strip()).isFalse();
      }
    }
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + out;
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private static JsonNode yaml(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  private static Set<ValidationMessage> errors(String schemaFile, JsonNode document) throws IOException {
    try (InputStream in = Files.newInputStream(HERE.resolve(schemaFile))) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
      return schema.validate(document);
    }
  }

  /** A job as GitLab runs it: its {@code extends} chain merged in (hashes deep-merged, anything else replaced). */
  private static JsonNode resolved(JsonNode ci, String job) {
    JsonNode own = ci.path(job);
    assertThat(own.isObject()).as("job %s", job).isTrue();
    ObjectNode result = JSON.createObjectNode();
    List<String> parents = new ArrayList<>();
    JsonNode extendsNode = own.path("extends");
    if (extendsNode.isTextual()) {
      parents.add(extendsNode.asText());
    } else if (extendsNode.isArray()) {
      extendsNode.forEach(parent -> parents.add(parent.asText()));
    }
    for (String parent : parents) {
      merge(result, resolved(ci, parent));
    }
    ObjectNode copy = own.deepCopy();
    copy.remove("extends");
    merge(result, copy);
    return result;
  }

  private static void merge(ObjectNode into, JsonNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = from.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = into.get(field.getKey());
      if (existing instanceof ObjectNode && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue());
      } else {
        into.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(CiTemplatesTest::text)
          .collect(Collectors.joining("\n"));
    }
    if (node.isObject()) {
      return node.toString();
    }
    return node.asText();
  }

}
