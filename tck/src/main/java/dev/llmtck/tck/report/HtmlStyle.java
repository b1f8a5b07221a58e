package dev.llmtck.tck.report;

/** The report page's stylesheet, inlined so the page needs nothing but itself. */
final class HtmlStyle {
  static final String CSS = """
      :root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --skip: #6e7781; --waived: #8250df;
              --line: #d0d7de; --soft: #f6f8fa; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; }
      header { background: #24292f; color: #fff; padding: 18px 32px; }
      header h1 { margin: 0; font-size: 22px; }
      header .sub { margin: 4px 0 0; color: #c9d1d9; }
      main { max-width: 1200px; margin: 0 auto; padding: 16px 32px 48px; }
      h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
      h3 { font-size: 15px; margin: 18px 0 6px; }
      code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
            white-space: pre-wrap; word-break: break-word; max-height: 420px; overflow: auto; margin: 6px 0; }
      pre.message { border-left: 4px solid var(--bad); }
      .verdict { display: flex; align-items: center; gap: 18px; padding: 16px 22px; border-radius: 8px;
                 color: #fff; font-size: 16px; margin-top: 8px; }
      .verdict.ok { background: var(--ok); } .verdict.bad { background: var(--bad); }
      .verdict .big { font-size: 28px; font-weight: 700; letter-spacing: 1px; }
      table { border-collapse: collapse; }
      table.counts th, table.counts td { border: 1px solid var(--line); padding: 4px 14px; text-align: right; }
      table.counts thead th { background: var(--soft); }
      table.counts td.passed { color: var(--ok); font-weight: 600; }
      table.counts td.failed { color: var(--bad); font-weight: 700; }
      table.counts td.skipped { color: var(--skip); } table.counts td.waived { color: var(--waived); }
      table.counts td.zero { color: #afb8c1; }
      table.kv th { text-align: left; padding: 2px 16px 2px 0; font-weight: 600; vertical-align: top; }
      table.kv td { padding: 2px 0; overflow-wrap: anywhere; }
      table.headers { font: 12px ui-monospace, Menlo, Consolas, monospace; margin: 4px 0; }
      table.headers th { text-align: left; font-weight: 600; padding: 0 12px 0 0; color: #57606a; }
      .tag { display: inline-block; min-width: 58px; text-align: center; border-radius: 10px; padding: 0 8px;
             font-size: 12px; font-weight: 600; color: #fff; text-transform: uppercase; }
      .tag.passed { background: var(--ok); } .tag.failed { background: var(--bad); }
      .tag.skipped { background: var(--skip); } .tag.waived { background: var(--waived); }
      .level { display: inline-block; min-width: 54px; font: 600 11px ui-monospace, Menlo, monospace;
               color: #57606a; }
      .muted { color: #6e7781; font-weight: normal; }
      .warn { color: var(--warn); font-weight: 600; }
      article.failure { border: 1px solid var(--line); border-left: 5px solid var(--bad); border-radius: 6px;
                        padding: 4px 16px 10px; margin: 12px 0; }
      article.failure h3 { margin-top: 10px; }
      .statement { margin: 2px 0 6px; }
      details.clause { border-bottom: 1px solid #eaeef2; padding: 3px 0; }
      details.clause > summary { cursor: pointer; }
      details.clause[open] { background: #fbfcfd; padding-bottom: 10px; }
      details.clause > :not(summary) { margin-left: 24px; }
      details.exchange { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
      details.exchange > summary { cursor: pointer; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
      .pair h4 { margin: 6px 0 2px; font-size: 12px; text-transform: uppercase; color: #57606a; }
      .http { font-weight: 700; } .http.s2 { color: var(--ok); } .http.s4, .http.s5 { color: var(--bad); }
      ul.notes { padding-left: 18px; }
      table.side { width: 100%; table-layout: fixed; }
      table.side th, table.side td { border: 1px solid var(--line); padding: 6px 10px; vertical-align: top;
                                     text-align: left; word-break: break-word; }
      table.side thead th { background: var(--soft); font-size: 15px; }
      table.side tbody th { width: 210px; background: var(--soft); font-weight: 600; }
      table.side .why { display: block; color: #57606a; font-size: 12px; }
      """;

  private HtmlStyle() {
  }
}
