// The playground's few rules on top of the console's stylesheet (linked from the page): three
// panes side by side; on a narrow screen, stacked, the tabs (links to each pane) showing one.
export const PLAYGROUND_CSS = `
body.playground main { max-width: none; }
.intro { max-width: 70rem; color: var(--muted, #5b6474); margin: 0 0 0.8rem; }
.clock { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 0.8rem; }
.clock form { margin: 0; }
.clock .now { font-weight: 600; margin-right: 0.5rem; }
.tabs { display: none; gap: 1rem; margin: 0 0 0.6rem; }
.panes { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; align-items: start; }
.pane { background: #fff; border: 1px solid var(--line, #d9dee7); border-radius: 8px; padding: 0.6rem 0.8rem; min-width: 0; }
.pane > h2 { margin: 0.2rem 0 0.5rem; }
.pane .who-plays { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.6rem; }
.pane .who-plays label { display: inline; margin: 0; }
.pane .who-plays select { display: inline-block; flex: 1; min-width: 0; width: auto; }
.flash { padding: 0.4rem 0.6rem; border-radius: 6px; margin: 0 0 0.6rem; white-space: pre-wrap; }
.flash.error { background: var(--bad-bg, #fdecea); color: var(--bad, #b42318); }
.flash.ok { background: var(--ok-bg, #e6f4ec); color: var(--ok, #18794e); }
.case { border: 1px solid var(--line, #d9dee7); border-radius: 6px; padding: 0.4rem 0.6rem; margin: 0 0 0.8rem; }
.case h3 { font-size: 1rem; margin: 0.2rem 0; }
.case .facts { margin: 0 0 0.4rem; font-size: 0.85em; }
.messages { list-style: none; padding: 0; margin: 0 0 0.4rem; }
.msg { border-left: 3px solid var(--line, #d9dee7); padding: 0.2rem 0.5rem; margin: 0 0 0.4rem; }
.msg-customer { border-left-color: var(--accent, #2456c7); }
.msg-supervisors { border-left-color: var(--warn, #8a5a00); }
.earlier summary { cursor: pointer; color: var(--muted, #5b6474); font-size: 0.85em; margin-bottom: 0.3rem; }
.msg-meta { font-size: 0.75em; color: var(--muted, #5b6474); }
.forms { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: flex-start; }
.forms details { flex-basis: 100%; }
.forms details[open] { background: #f6f7f9; border-radius: 6px; padding: 0.3rem; }
form.act { display: inline; margin: 0; }
details.act summary { cursor: pointer; color: var(--accent, #2456c7); }
.pane label { display: block; margin: 0.3rem 0; font-size: 0.9em; }
.pane label.check { display: flex; gap: 0.3rem; align-items: baseline; }
.pane textarea, .pane input[type="text"], .pane select { display: block; width: 100%; font: inherit; }
.score label { display: inline-block; margin-right: 0.6rem; }
.stage.with-roleplay { display: grid; grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr); gap: 1rem; align-items: start; }
.roleplay { background: #fff; border: 1px solid var(--line, #d9dee7); border-radius: 8px; padding: 0.6rem 0.8rem; }
.roleplay > h2 { margin: 0.2rem 0 0.5rem; }
.roleplay .picker select { display: block; width: 100%; font: inherit; margin: 0.2rem 0 0.4rem; }
.roleplay .hint { font-size: 0.8em; margin: 0.3rem 0 0; }
.roleplay h3 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
.roleplay h4 { font-size: 0.95rem; margin: 0.6rem 0 0.3rem; display: flex; justify-content: space-between; }
.roleplay .brief { margin: 0 0 0.4rem; }
.checklist { list-style: none; padding: 0; margin: 0; }
.checklist li { margin: 0 0 0.4rem; }
.checklist form { display: inline; margin: 0; }
.checklist .tick { background: none; border: none; padding: 0; text-align: left; color: inherit; }
.checklist .mark { font-size: 1.1em; }
.checklist li[data-state="ticked"] .mark { color: var(--ok, #18794e); }
.checklist .how { display: block; font-size: 0.75em; color: var(--muted, #5b6474); margin-left: 1.4em; }
.roleplay-done { background: var(--ok-bg, #e6f4ec); color: var(--ok, #18794e); padding: 0.4rem 0.6rem; border-radius: 6px; }
button { font: inherit; padding: 0.2rem 0.7rem; cursor: pointer; }
@media (max-width: 900px) {
  .panes { grid-template-columns: 1fr; }
  .stage.with-roleplay { grid-template-columns: 1fr; }
  .tabs { display: flex; }
  .panes:has(.pane:target) .pane:not(:target) { display: none; }
}
`;
