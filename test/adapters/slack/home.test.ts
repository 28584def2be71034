// The App Home tab: supervisors see pending approvals, overdue promises and cases at risk in their
// teams; experts the cases they hold with due times; customers their open requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HomeSection, homeView, PER_SECTION } from '../../../adapters/slack/render/home.ts';
import type { LabelKey } from '../../../adapters/slack/render/labels.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { type Case, DEFAULT_INTAKE_LIMITS } from '../../../src/core/model.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { appHomeOpened, directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { makeCase } from '../../support/case-factory.ts';
import { approval } from '../../store/home-lists.ts';
import { buttonsOf, type SlackHarness, slackHarness, U } from './slack-harness.ts';

interface ViewBlock {
  type: string;
  text?: { text: string };
  elements?: { text?: unknown }[];
}

/** The tab's text, a line per block (a context block's elements joined). */
function homeText(call: ApiCall | { args: Record<string, unknown> }): string {
  const view = call.args.view as { blocks: ViewBlock[] };
  return view.blocks
    .map((b) =>
      b.type === 'context' ? (b.elements ?? []).map((e) => String(e.text)).join(' ') : (b.text?.text ?? ''),
    )
    .join('\n');
}

/** The part of the tab's text from `title` to the next section's title (or the end). */
function sectionOf(text: string, title: string, next?: string): string {
  const from = text.indexOf(`${title}\n`);
  if (from < 0) throw new Error(`no section ${title} in:\n${text}`);
  const to = next === undefined ? -1 : text.indexOf(`${next}\n`, from);
  return to < 0 ? text.slice(from) : text.slice(from, to);
}

describe('Slack App Home', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
    // Two requests: one goes to Jonas (billing expert) and misses its window; the other asks for a supervisor.
    for (const text of [
      'The invoice for October is charged twice',
      'I want to complain to the director about this',
    ]) {
      await h.slack.event(eventCallback(directMessage(U.egle, text)));
    }
    await h.settled();
    const [first, second] = (await h.desk.listCases({})).map((c) => c.id) as [string, string];
    await h.desk.escalate({ caseId: first, actor: { id: 'rasa' }, topic: 'billing' });
    await h.desk.askSupervisor({ caseId: second, actor: { id: `slack:T0ACME001:${U.egle}` } });
    await h.dispatch();
    await h.settled();
    h.clock.advanceMinutes(3 * 24 * 60); // past every window: both are overdue
  });
  afterAll(async () => {
    await h.close();
  });

  async function openHome(user: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(user)));
    return h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === user, { since });
  }

  it('a supervisor sees the pending approval (with Approve / Decline), the overdue window and the case at risk, each with Record outside contact', async () => {
    const home = await openHome(U.marie);
    const text = homeText(home);
    expect(text).toContain('En attente de votre décision'); // Marie reads French
    // One pending approval, two overdue cases, one at risk: each line has its Record outside contact.
    expect(buttonsOf(home).map((b) => b.action_id)).toEqual([
      'ladder:go_away', // staff's Away toggle (render/away.ts)
      'ladder:record_outside',
      'ladder:approve',
      'ladder:decline',
      'ladder:record_outside',
      'ladder:record_outside',
      'ladder:record_outside',
    ]);
    expect(buttonsOf(home)[1]?.text).toBe('Noter un recours extérieur');
    expect(buttonsOf(home)[0]?.text).toBe('Je m’absente');
    expect(text).toContain('I want to complain to the director about this');
    expect(text).toMatch(/En retard\n.*The invoice for October[\s\S]*Jonas Petraitis/);
    expect(text).toMatch(/À risque\n.*complain to the director[\s\S]*Risque : (accru|élevé)/);
    expect((home.args.view as { blocks: unknown[] }).blocks.length).toBeLessThanOrEqual(100);
  });

  it('a supervisor sees the cases whose messages could not be delivered', async () => {
    const before = homeText(await openHome(U.marie));
    expect(before).toMatch(/Messages qui n’ont pas pu être remis\nRien pour le moment\./);
    const [first] = (await h.desk.listCases({})).map((c) => c.id) as [string];
    const aboutTheNote = (a: Record<string, unknown>) => JSON.stringify(a).includes('Checking with finance');
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'channel_not_found' } },
      { times: 20, when: aboutTheNote },
    );
    await h.desk.addNote({ caseId: first, actor: { id: 'rasa' }, text: 'Checking with finance' });
    await h.dispatch();
    await h.settled();
    expect(await h.store.inspect.listOutbox({ caseId: first, statuses: ['parked'] })).not.toHaveLength(0);
    const after = homeText(await openHome(U.marie));
    expect(after).toMatch(/Messages qui n’ont pas pu être remis\n.*The invoice for October/);
  });

  it('an expert sees the cases they hold and when each reply is due', async () => {
    const text = homeText(await openHome(U.jonas));
    expect(text).toContain('The invoice for October is charged twice');
    expect(text).toMatch(/#1/);
  });

  it('a customer sees their open requests', async () => {
    const text = homeText(await openHome(U.egle));
    expect(text).toContain('Your requests');
    expect(text).toMatch(/Case #1: with an expert\. Handled by: Jonas Petraitis\. Next reply due by/);
    expect(text).toMatch(/Case #2: waiting for a supervisor’s decision/);
  });

  it('only the home tab is drawn (opening the messages tab publishes nothing)', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback({ ...appHomeOpened(U.egle), tab: 'messages' }));
    await h.settled();
    expect(h.fake.calls.slice(since).filter((c) => c.method === 'views.publish')).toEqual([]);
  });
});

describe('Slack App Home with more cases than a list shows', () => {
  let h: SlackHarness;
  const egle = { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en', timeZone: 'UTC' } as const;
  beforeAll(async () => {
    // One customer with more open requests than a list shows: no cap on open cases here.
    h = await slackHarness({}, undefined, (config) => ({
      ...config,
      desk: {
        ...config.desk,
        intake: { ...DEFAULT_INTAKE_LIMITS, internal: { cooldownMinutes: 0, maxOpenCases: null } },
      },
    }));
    for (let n = 1; n <= PER_SECTION + 2; n++) {
      await h.desk.openCase({
        workspace: h.config.workspace,
        audience: 'internal',
        conversation: `slack:T0ACME001:C05HELPDESK:1700000000.0000${n}`,
        customer: egle,
        text: `Request ${String(n).padStart(2, '0')}`,
      });
    }
    h.clock.advanceMinutes(3 * 24 * 60); // every first-response window is overdue
  });
  afterAll(async () => {
    await h.close();
  });

  async function openHome(user: string): Promise<string> {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(user)));
    return homeText(
      await h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === user, { since }),
    );
  }
  const shown = (text: string) => [...text.matchAll(/Request (\d\d)/g)].map((m) => Number(m[1]));
  const first12 = Array.from({ length: PER_SECTION }, (_, i) => i + 1);

  it('a supervisor sees the first 12 overdue cases by number and a line saying more are not shown', async () => {
    const text = await openHome(U.marie); // Marie reads French
    const overdue = sectionOf(text, 'En retard', 'À risque');
    expect(shown(overdue)).toEqual(first12);
    expect(overdue.trim().split('\n').at(-1)).toBe('… et d’autres, non affichés ici.');
    // A list that is not cut says nothing more.
    expect(sectionOf(text, 'À risque', 'Messages qui n’ont pas pu être remis').trim()).toBe(
      'À risque\nRien pour le moment.',
    );
  });

  it('a customer sees their first 12 requests and a line saying more are not shown', async () => {
    const requests = sectionOf(await openHome(U.egle), 'Your requests');
    expect(shown(requests)).toEqual(first12);
    expect(requests.trim().split('\n').at(-1)).toBe('…and more, not shown here.');
  });
});

describe('Slack App Home view', () => {
  const { directory } = loadConfig('config/support.example.yaml').desk;
  const reader = { locale: 'en', timeZone: 'UTC' } as const;
  const cases: Case[] = Array.from({ length: PER_SECTION + 1 }, (_, i) =>
    makeCase({ id: `case-${i + 1}`, number: i + 1, words: `Words ${i + 1}`, approval: approval('pending') }),
  );
  const titles: LabelKey[] = [
    'home_approvals',
    'home_overdue',
    'home_at_risk',
    'home_undelivered',
    'home_my_cases',
    'home_my_requests',
  ];

  it('with every list full, keeps every case and every "more" line within 100 blocks: the dividers go', () => {
    const sections: HomeSection[] = titles.map((title) => ({
      title,
      cases: cases.slice(0, PER_SECTION),
      more: true,
      decide: title === 'home_approvals',
    }));
    const { blocks } = homeView(sections, directory, reader);
    expect(blocks.length).toBeLessThanOrEqual(100);
    expect(blocks.filter((b) => b.type === 'divider')).toEqual([]);
    expect(blocks.filter((b) => b.type === 'actions')).toHaveLength(PER_SECTION);
    expect(blocks.filter((b) => b.type === 'context')).toHaveLength(titles.length);
    const text = homeText({ args: { view: { blocks } } });
    const last = sectionOf(text, 'Your requests');
    expect(last).toContain('Words 12');
    expect(last.trim().split('\n').at(-1)).toBe('…and more, not shown here.');
  });

  it('cuts a longer list it is given at 12 and says so; a short tab keeps its dividers', () => {
    const { blocks } = homeView([{ title: 'home_my_cases', cases }], directory, reader);
    expect(blocks.map((b) => b.type)).toEqual([
      'section',
      'divider',
      'header',
      ...Array<string>(PER_SECTION).fill('section'),
      'context',
    ]);
  });
});
