/**
 * {@code llmtck fidelity}: the same requests to a real engine and to the simulator configured as its release, compared
 * field by field in shape (status, headers, JSON paths and types, SSE framing), with the known differences listed and
 * their reasons.
 */
package dev.llmtck.tck.fidelity;
