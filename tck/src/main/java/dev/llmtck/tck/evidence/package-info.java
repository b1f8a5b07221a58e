/**
 * What a clause saw: every HTTP exchange recorded with secrets masked, bodies bounded and made safe to print,
 * published as JUnit report entries.
 */
package dev.llmtck.tck.evidence;
