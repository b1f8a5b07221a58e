package dev.llmtck.tck.platform.echo;

import java.net.URI;
import java.time.Duration;

/** The echo platform under test. */
public record EchoTarget(URI url, String model, Duration timeout, boolean embedded) {
}
