// The console's stylesheet: plain, readable, printable; no web fonts, no network.
export const CONSOLE_CSS = `
:root { --fg: #1d2330; --muted: #5b6474; --line: #d9dee7; --bg: #f6f7f9; --accent: #2456c7;
  --bad: #b42318; --bad-bg: #fdecea; --warn: #8a5a00; --warn-bg: #fff4d6; --ok: #18794e; --ok-bg: #e6f4ec; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.6rem 1.2rem;
  background: #fff; border-bottom: 1px solid var(--line); }
header .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
header nav { display: flex; gap: 1rem; }
header nav a { color: var(--accent); text-decoration: none; padding: 0.2rem 0; }
header nav a[aria-current="page"] { border-bottom: 2px solid var(--accent); font-weight: 600; }
header .who { margin-left: auto; display: flex; gap: 0.8rem; align-items: center; color: var(--muted); font-size: 0.9em; }
header .who form { margin: 0; }
.languages { display: flex; gap: 0.6rem; font-size: 0.9em; }
.languages a { color: var(--muted); }
.languages a[aria-current="true"] { color: var(--fg); font-weight: 700; text-decoration: none; }
main { padding: 1rem 1.2rem 3rem; max-width: 1200px; }
h1 { font-size: 1.5rem; margin: 0.4rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.6rem; }
section.card > h2:first-child { margin-top: 0.2rem; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 0.85em; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.8em; font-weight: 600;
  border: 1px solid transparent; white-space: nowrap; }
.badge.internal { background: var(--warn-bg); color: var(--warn); border-color: #f0d590; }
.badge.overdue, .badge.failed { background: var(--bad-bg); color: var(--bad); }
.badge.pending, .badge.paused { background: #eef1f6; color: var(--muted); }
.badge.sent { background: var(--ok-bg); color: var(--ok); }
.badge.ambiguous { background: var(--warn-bg); color: var(--warn); }
tr.internal td { background: #fffaf0; }
tr.overdue td { background: #fff6f5; }
.countdown { font-variant-numeric: tabular-nums; white-space: nowrap; }
.countdown.overdue { color: var(--bad); font-weight: 600; }
.notice-text { white-space: pre-wrap; }
.words { white-space: pre-wrap; background: #fff; border-left: 3px solid var(--line); padding: 0.4rem 0.8rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0.8rem; }
.stat { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; }
.stat .value { font-size: 1.6rem; font-weight: 700; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem; margin: 0 0 1rem; min-height: 240px; }
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; margin: 0 0 1rem; }
.filters a { color: var(--accent); }
.filters a[aria-current="true"] { color: var(--fg); font-weight: 700; text-decoration: none; }
form.sign-in { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; max-width: 520px; }
form.sign-in label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
form.sign-in input[type="password"] { width: 100%; padding: 0.45rem; font: inherit; border: 1px solid var(--line); border-radius: 6px; }
button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; margin-top: 0.6rem; }
button.link { background: none; border: none; color: var(--accent); padding: 0; margin: 0; text-decoration: underline; }
.alert { background: var(--bad-bg); color: var(--bad); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0 0 1rem; max-width: 520px; }
@media print { header nav, header .who, .languages, .filters { display: none; } }
`;
