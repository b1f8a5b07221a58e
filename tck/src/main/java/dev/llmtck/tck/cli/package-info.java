/**
 * The {@code llmtck} command line: {@code run}, {@code serve}, {@code bench}, {@code fidelity}, {@code clauses}; turns
 * flags and profiles into targets and prints the console view of a run.
 */
package dev.llmtck.tck.cli;
