package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** Authentication clauses fail on platforms that do not check the key, check another, or answer in text. */
class AuthProofTest {

  @Test
  @Proves("OAI-AUTH-1")
  void platformWithoutKeyCheckFails() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly(null)) {
      platform.run("OAI-AUTH-1").assertFailsWith("expected 401 without Authorization", "GET ", "/v1/models -> 200");
    }
  }

  @Test
  @Proves("OAI-AUTH-2")
  void platformAcceptingAnyKeyFails() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly(null)) {
      platform.run("OAI-AUTH-2").assertFailsWith("expected 401 with a wrong key", "/v1/chat/completions -> 200");
    }
  }

  @Test
  @Proves("OAI-AUTH-2")
  void platformRefusingTheRightKeyFails() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly("another-key-7781")) {
      platform.run("OAI-AUTH-2").assertFailsWith("the configured key is refused", "/v1/completions -> 401");
    }
  }

  @Test
  void aMistypedModelIsNoAuthenticationFailure() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly(BrokenPlatform.KEY)) {
      ClauseRun.of("OAI-AUTH-2").against(platform.baseUrl(), BrokenPlatform.KEY, platform.model() + "-typo")
          .assertPasses();
    }
  }

  @Test
  @Proves("OAI-AUTH-3")
  void refusalInPlainWordsFails() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(401,
        response -> response.withBody(JsonNodeFactory.instance.objectNode().put("detail", "Unauthorized")))) {
      platform.run("OAI-AUTH-3").assertFailsWith("not a JSON error object", "no official client shows", "detail");
    }
  }

  @Test
  void clausesAreSkippedForATargetWithoutKey() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly(null)) {
      ClauseRun.of("OAI-AUTH-1").against(platform.baseUrl(), null, platform.model())
          .assertSkippedBecause("configured without an API key");
    }
  }
}
