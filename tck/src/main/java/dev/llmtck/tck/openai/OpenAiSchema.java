package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The JSON Schemas written for the OpenAI part of the contract (under {@code schemas/openai/} on the class
 * path). They state the shape a conforming body has; value rules (model names, arithmetic, ordering) stay in
 * the clauses.
 */
public enum OpenAiSchema {
  MODELS_LIST("models-list.json"),
  MODEL("model.json"),
  CHAT_COMPLETION("chat-completion.json"),
  CHAT_COMPLETION_CHUNK("chat-completion-chunk.json"),
  TEXT_COMPLETION("text-completion.json"),
  TEXT_COMPLETION_CHUNK("text-completion-chunk.json"),
  USAGE("usage.json"),
  ERROR_NESTED("error-nested.json"),
  ERROR_FLAT("error-flat.json");

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final String file;
  private volatile JsonSchema schema;

  OpenAiSchema(String file) {
    this.file = file;
  }

  /** The schema's file name, e.g. {@code chat-completion.json}. */
  public String file() {
    return file;
  }

  /**
   * Validates a document.
   *
   * @return one line per violation ({@code $.choices[0].message.role: does not have a value in the enumeration
   *     [assistant]}); empty when the document conforms
   */
  public List<String> violations(JsonNode document) {
    return schema().validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /**
   * Fails, listing every violation, unless the document conforms.
   *
   * @param what what the document is, e.g. "the chat completion"
   */
  public void check(JsonNode document, String what) {
    List<String> violations = violations(document);
    if (!violations.isEmpty()) {
      // A member the answer lacks comes as a missing node, whose text is empty: say so rather than "(empty body)".
      String shown = document == null || document.isMissingNode() ? "(absent: the answer has no such member)"
          : Bodies.abbreviate(document.toString());
      throw new AssertionFailedError(what + " does not match " + file + ":\n  - " + String.join("\n  - ", violations)
          + "\n  " + what + ": " + shown);
    }
  }

  /** Whether the document conforms. */
  public boolean matches(JsonNode document) {
    return violations(document).isEmpty();
  }

  private JsonSchema schema() {
    JsonSchema loaded = schema;
    if (loaded == null) {
      loaded = FACTORY.getSchema(SchemaLocation.of("classpath:schemas/openai/" + file));
      loaded.initializeValidators();
      schema = loaded;
    }
    return loaded;
  }
}
