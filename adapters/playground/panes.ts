// What each pane shows: the cases its person deals with (the customer's own; the cases of the teams
// a staff member or supervisor works in, and any they were told about), each with the messages they
// received about it and the controls they have on it.
import type { Case, Desk, DeskConfig, Locale, Person } from '../../src/core/index.ts';
import { customerForms, staffForms } from './choose-forms.ts';
import type { Inbox, Reader } from './inbox.ts';
import { label } from './labels.ts';
import { PLAY_CUSTOMERS, type PlayCustomer } from './people.ts';
import type { CaseView } from './render/case-block.ts';
import type { PaneView } from './render/page.ts';

/** Most cases a pane lists (the newest). */
const CASES_SHOWN = 10;

export interface PaneDeps {
  desk: Pick<Desk, 'listCases' | 'getCase'>;
  config: DeskConfig;
  inbox: Inbox;
}

/** The newest cases of `teams`, and those of `ids`, newest first. */
async function casesFor(deps: PaneDeps, ids: Iterable<string>, teams: readonly string[]): Promise<Case[]> {
  const found = new Map<string, Case>();
  for (const team of teams) {
    for (const c of await deps.desk.listCases({ team, newestFirst: true, limit: CASES_SHOWN }))
      found.set(c.id, c);
  }
  for (const id of ids) {
    if (found.has(id)) continue;
    const c = await deps.desk.getCase(id);
    if (c) found.set(c.id, c);
  }
  return [...found.values()].sort((a, b) => b.number - a.number).slice(0, CASES_SHOWN);
}

/** "Tom Whitfield — front line, Customer Support; expert, Login and account access". */
function describe(config: DeskConfig, person: Person, locale: Locale, pane: 'staff' | 'supervisor'): string {
  const { teams, topics } = config.directory;
  const parts: string[] = [];
  for (const team of Object.values(teams)) {
    if (pane === 'staff' && team.frontLine.includes(person.id))
      parts.push(label(locale, 'front_line_of', { team: team.name }));
    if (pane === 'supervisor' && team.supervisors.includes(person.id))
      parts.push(label(locale, 'supervisor_of', { team: team.name }));
  }
  if (pane === 'staff') {
    for (const topic of Object.values(topics)) {
      if ([...topic.experts, ...topic.backups].includes(person.id))
        parts.push(label(locale, 'expert_for', { topic: topic.names[locale] ?? topic.names.en }));
    }
  }
  return `${person.name} — ${parts.join('; ')}`;
}

export async function staffPane(
  deps: PaneDeps,
  pane: 'staff' | 'supervisor',
  people: readonly Person[],
  me: Person | undefined,
  locale: Locale,
): Promise<PaneView> {
  const { directory } = deps.config;
  const base = {
    pane,
    people: people.map((p) => ({ id: p.id, label: describe(deps.config, p, locale, pane) })),
  };
  if (!me) return { ...base, chosen: '', timeZone: 'UTC', cases: [] };
  const reader: Reader = { kind: 'person', id: me.id };
  const teams = Object.values(directory.teams)
    .filter((t) => (pane === 'staff' ? t.frontLine : t.supervisors).includes(me.id))
    .map((t) => t.id);
  const cases = await casesFor(deps, deps.inbox.casesOf(reader, directory), teams);
  const views: CaseView[] = cases.map((c) => ({
    c,
    messages: deps.inbox.of(reader, c.id, directory),
    forms: staffForms(me.id, c, deps.config),
  }));
  return { ...base, chosen: me.id, timeZone: me.timeZone, cases: views };
}

export async function customerPane(deps: PaneDeps, me: PlayCustomer, locale: Locale): Promise<PaneView> {
  const reader: Reader = { kind: 'customer', id: me.id };
  const audience = (a: PlayCustomer) =>
    label(locale, a.audience === 'internal' ? 'audience_internal' : 'audience_community');
  const cases = await deps.desk.listCases({ customerId: me.id, newestFirst: true, limit: CASES_SHOWN });
  return {
    pane: 'customer',
    people: PLAY_CUSTOMERS.map((p) => ({
      id: p.key,
      label: `${p.name} — ${label(locale, 'customer_of', { audience: audience(p) })}`,
    })),
    chosen: me.key,
    timeZone: me.timeZone,
    cases: cases.map((c) => {
      const messages = deps.inbox.of(reader, c.id, deps.config.directory);
      return { c, messages, forms: customerForms(c, messages.at(-1)?.notice) };
    }),
  };
}
