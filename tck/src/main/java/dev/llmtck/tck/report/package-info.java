/**
 * The reports of a run: report.json (schema under {@code schemas/report}), report.html and junit.xml, and for several
 * targets summary.json and index.html.
 */
package dev.llmtck.tck.report;
