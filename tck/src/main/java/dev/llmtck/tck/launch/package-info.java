/**
 * Launchers for a profile's {@code launch:} section: a local process (a real engine's serve script) or a vLLM
 * container, started before the run and stopped after it.
 */
package dev.llmtck.tck.launch;
