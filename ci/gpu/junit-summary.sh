#!/usr/bin/env bash
# Turns llmtck's junit.xml into a readable Markdown summary (for GitHub's job summary, or any Markdown viewer):
# the verdict, a table of passed / failed / skipped clauses per level, and a table of the failed clauses with
# their messages; the skipped ones in a fold. Only awk is needed (the runner may have no Java, Python or jq).
#   ci/gpu/junit-summary.sh llmtck-report/junit.xml [exit code of llmtck run] >> "$GITHUB_STEP_SUMMARY"
set -euo pipefail
xml="${1:?usage: junit-summary.sh junit.xml [exit code]}"
code="${2:-}"
[ -f "$xml" ] || { echo "junit-summary: no file $xml" >&2; exit 2; }
awk -v code="$code" '
function attr(line, key,   m) {
  if (match(line, " " key "=\"[^\"]*\"")) { m = substr(line, RSTART + length(key) + 3, RLENGTH - length(key) - 4); return m }
  return ""
}
function text(s) {
  gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s)
  gsub(/&#10;|&#13;/, " ", s); gsub(/&amp;/, "\\&", s); return s
}
function cell(s) { s = text(s); gsub(/\|/, "\\|", s); gsub(/[\r\n\t]+/, " ", s); if (length(s) > 300) s = substr(s, 1, 297) "..."; return s }
function finish(   level, id, rest) {
  if (name == "") return
  level = "other"
  if (match(name, /\[[A-Z]+\]/)) level = substr(name, RSTART + 1, RLENGTH - 2)
  id = name; sub(/ .*/, "", id)
  rest = name; sub(/^[^ ]* (\[[A-Z]+\] )?/, "", rest)
  if (!(level in seen)) { seen[level] = 1; order[++levels] = level }
  count[level, status]++
  total[status]++
  if (status == "failed") failed[++nfailed] = "| " cell(id) " | " level " | " cell(rest) " | " cell(message) " |"
  if (status == "skipped") skipped[++nskipped] = "| " cell(id) " | " level " | " cell(message) " |"
  name = ""
}
/<testsuites/ { suites = attr($0, "name") }
/<testcase / {
  finish()
  name = attr($0, "name"); status = "passed"; message = ""
}
name != "" && /<(failure|error)/ { status = "failed"; message = attr(substr($0, index($0, "<failure") ? index($0, "<failure") : index($0, "<error")), "message") }
name != "" && /<skipped/ { status = "skipped"; message = attr(substr($0, index($0, "<skipped")), "message") }
/<\/testcase>|<testcase [^>]*\/>/ { finish() }
END {
  finish()
  if (code == "0") verdict = "certified: every MUST clause passed"
  else if (code == "1") verdict = "not certified: a MUST clause failed"
  else if (code == "2") verdict = "not run: configuration error (exit code 2)"
  else if (code != "") verdict = "exit code " code
  else verdict = (total["failed"] > 0 ? "clauses failed" : "no clause failed")
  printf "## llmtck: %s\n\n", verdict
  if (suites != "") printf "%s, %d clauses.\n\n", suites, total["passed"] + total["failed"] + total["skipped"]
  print "| level | passed | failed | skipped | total |"
  print "|---|---:|---:|---:|---:|"
  for (i = 1; i <= levels; i++) {
    l = order[i]
    printf "| %s | %d | %d | %d | %d |\n", l, count[l, "passed"], count[l, "failed"], count[l, "skipped"], count[l, "passed"] + count[l, "failed"] + count[l, "skipped"]
  }
  printf "| **all** | **%d** | **%d** | **%d** | **%d** |\n", total["passed"], total["failed"], total["skipped"], total["passed"] + total["failed"] + total["skipped"]
  if (nfailed > 0) {
    print "\n### Failed clauses\n"
    print "| clause | level | statement | message |"
    print "|---|---|---|---|"
    for (i = 1; i <= nfailed; i++) print failed[i]
  }
  if (nskipped > 0) {
    printf "\n<details><summary>%d skipped or waived clauses</summary>\n\n", nskipped
    print "| clause | level | reason |"
    print "|---|---|---|"
    for (i = 1; i <= nskipped; i++) print skipped[i]
    print "\n</details>"
  }
  print "\nThe full report (report.html, report.json, junit.xml) is in the job'"'"'s llmtck-report artifact."
}' "$xml"
