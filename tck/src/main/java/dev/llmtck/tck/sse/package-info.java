/**
 * A strict server-sent-events reader: events with their arrival times, every framing violation named, and bounds on
 * line, event and stream size.
 */
package dev.llmtck.tck.sse;
