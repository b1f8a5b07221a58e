package dev.llmtck.tck.clause;

/** How binding a clause is, in the sense of RFC 2119. Only a failed {@link #MUST} fails a certification. */
public enum Level {
  MUST,
  SHOULD,
  MAY
}
