/**
 * JUnit support for container tests: {@code @RequiresDocker} skips a test without a Docker engine, except on CI
 * ({@code CI=true}), where it fails.
 */
package dev.llmtck.containers.junit;
