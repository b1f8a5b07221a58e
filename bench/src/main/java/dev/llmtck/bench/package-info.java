/**
 * The speed harness (not shipped to users): how fast the reference platforms serve and stream, measured against plain
 * servers (a raw NIO server, HttpCore, WireMock) on loopback, forked per target so each has its own JVM. {@code
 * PlatformSpeedBench} is the entry point; figures are ratios measured in one run.
 */
package dev.llmtck.bench;
