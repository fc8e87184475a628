"""The HTML report's stylesheet, inlined: calm system typography, colour plus a non-colour cue for every mark."""

STYLE = """
:root {
  --ink: #1f2328; --muted: #656d76; --rule: #d8dee4; --paper: #ffffff; --tint: #f6f8fa;
  --ins-bg: #dafbe1; --ins-ink: #116329; --del-bg: #ffebe9; --del-ink: #a40e26;
  --mark-bg: #fff8c5; --mark-edge: #9a6700; --shared-bg: #ddf4ff; --shared-ink: #0a3069;
  --major: #a40e26; --minor: #9a6700; --info: #0969da;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 24px 28px 48px; max-width: 1500px; background: var(--paper); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif;
}
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .3rem; font-weight: 600; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule);
  font-weight: 600; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; font-weight: 600; }
a { color: #0550ae; }
code, .sha { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  word-break: break-all; }
.muted, .meta-line, footer { color: var(--muted); }
.meta-line { margin: 0 0 1rem; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em;
  overflow-wrap: anywhere; }
.headline { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .55rem; border-bottom: 1px solid var(--rule); }
thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted);
  font-weight: 600; border-bottom: 2px solid var(--rule); }
thead th .name { text-transform: none; letter-spacing: 0; font-size: .85rem; }
caption { text-align: left; font-weight: 600; padding: .4rem 0; }
td.num { text-align: right; white-space: nowrap; }
nav { margin: 1rem 0; }
nav ol { display: inline; padding: 0; margin: 0; list-style: none; }
nav li { display: inline; margin-right: .8rem; }
.legend { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .8rem;
  font-size: .9rem; }

ins, del { text-decoration-thickness: 1px; text-underline-offset: 2px; border-radius: 2px; padding: 0 1px; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
ins.fact, del.fact { font-weight: 700; text-decoration-style: double; text-decoration-thickness: auto; }
ins.noise, del.noise { background: none; color: #8c959f; text-decoration-style: dotted; font-weight: normal; }
mark.finding { background: var(--mark-bg); color: inherit; border: 1px solid var(--mark-edge); border-radius: 2px;
  padding: 0 1px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.shared { background: var(--shared-bg); color: var(--shared-ink); text-decoration: underline wavy;
  text-decoration-thickness: 1px; text-underline-offset: 3px; }

.bar { display: inline-block; width: 70px; height: .6rem; border: 1px solid var(--muted); vertical-align: middle;
  border-radius: 2px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--muted); }
.scorecard td, .scorecard th { font-size: .92rem; }

.sev { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: 0 .35rem; border: 1.5px solid currentColor; border-radius: 3px; white-space: nowrap; }
.sev.major { color: var(--major); border-width: 2.5px; }
.sev.minor { color: var(--minor); }
.sev.info { color: var(--info); border-style: dashed; }
table.findings td.where { white-space: nowrap; font-size: .9rem; }
.evidence { margin-top: .3rem; font-size: .92rem; }
.evidence .who { color: var(--muted); display: inline-block; min-width: 4.5rem; }
q { quotes: "\\201C" "\\201D"; }

table.aligned { table-layout: fixed; margin-top: .6rem; }
table.aligned col.c-label { width: 9.5rem; }
table.aligned thead th { position: sticky; top: 0; background: var(--paper); z-index: 1; }
table.aligned tbody.row { break-inside: avoid; page-break-inside: avoid; }
table.aligned tbody.row > tr:first-child > td { border-top: 1px solid var(--rule); }
table.aligned td { border-bottom: none; }
td.label { font-size: .78rem; color: var(--muted); }
td.label .sep { display: none; }
td.label a.caption { color: var(--ink); text-decoration: none; }
td.label .caption, td.label .flag, td.label .noise-count { display: block; margin-top: .15rem; }
td.label .flag { color: var(--major); font-weight: 700; }
.badge { display: inline-block; font-size: .7rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  padding: 0 .3rem; border: 1px solid var(--muted); border-radius: 3px; color: var(--ink); background: var(--paper); }
.badge.equal { color: var(--muted); border-style: dotted; }
.badge.inserted { color: var(--ins-ink); border-color: var(--ins-ink); }
.badge.deleted { color: var(--del-ink); border-color: var(--del-ink); border-style: dashed; }
.badge.moved, .badge.split, .badge.merged { color: #6639ba; border-color: #6639ba; border-width: 2px; }
.badge.partial { color: var(--shared-ink); border-color: var(--shared-ink); border-style: double; border-width: 3px; }
td.side { overflow-wrap: break-word; }
td.side p { margin: 0 0 .45rem; }
td.side p:last-child { margin-bottom: 0; }
td.side .pn { font-size: .72rem; color: var(--muted); font-variant-numeric: tabular-nums; margin-right: .15rem; }
.pkind { font-size: .68rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border: 1px dotted var(--muted); border-radius: 3px; padding: 0 .25rem; }
td.side p.meta { color: var(--muted); font-size: .92rem; }
td.side p.subhead { font-weight: 600; }
td.gap { background: repeating-linear-gradient(135deg, var(--tint), var(--tint) 6px, var(--paper) 6px, var(--paper) 12px); }
.filler { color: var(--muted); font-style: italic; font-size: .85rem; }
tbody.kind-equal td.side { color: #3d444d; }
tbody.kind-inserted td.side:not(.gap) { border-left: 3px solid var(--ins-ink); }
tbody.kind-deleted td.side:not(.gap) { border-left: 3px dashed var(--del-ink); }
tbody.has-finding td.label { border-left: 4px solid var(--major); }
tr.notes td { padding-top: 0; }
tr.notes ul { margin: 0; padding: .4rem .6rem; list-style: none; background: var(--mark-bg);
  border-left: 3px solid var(--mark-edge); font-size: .9rem; }
tr.notes li + li { margin-top: .25rem; }
a.back { font-size: .8rem; white-space: nowrap; }
:target { scroll-margin-top: 2.5rem; }
tbody.row:target td, tr.finding-line:target td { background: #fff8c5; }
footer { margin-top: 2.5rem; font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .5rem; }

table.spine td, table.spine th { font-size: .85rem; padding: .25rem .45rem; }
table.spine td.excerpt { color: var(--muted); }
td.fate a { color: inherit; text-decoration: none; }
td.fate { white-space: nowrap; }
td.fate.cut { color: var(--del-ink); font-style: italic; }
td.fate.edited { font-weight: 600; }
td.fate.moved, td.fate.split, td.fate.merged { color: #6639ba; font-weight: 600; }
td.fate.partial { color: var(--shared-ink); }
td.fate.same, td.fate.style-only { color: var(--muted); }

label.toggle { display: inline-block; margin: 1rem 0 0 .3rem; cursor: pointer; font-size: .92rem; }
input.toggle { margin: 1rem 0 0; vertical-align: -1px; }
#only-changes:checked ~ section.version tbody.quiet { display: none; }

@media (max-width: 800px) {
  body { padding: 12px; }
  /* wide tables scroll sideways on a phone instead of squeezing every column */
  table.files, table.scorecard, table.findings, table.spine { display: block; overflow-x: auto; }
  table.files td, table.scorecard td, table.spine td.excerpt { min-width: 9rem; }
  table.aligned col.c-label { width: 5.5rem; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  nav, a.back, input.toggle, label.toggle { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.version { break-before: page; page-break-before: always; }
  table.aligned thead { display: table-header-group; }
  table.aligned thead th { position: static; }
  tr.finding-line, tbody.row { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
