/**
 * The Platform SPI: a platform (found by {@link java.util.ServiceLoader}) names its settings, builds its typed target,
 * lists its contract classes, and says what GitLab needs typed in and which clauses each Duo feature needs. The
 * runner, reports and command line know no platform by name.
 */
package dev.llmtck.tck.platform;
