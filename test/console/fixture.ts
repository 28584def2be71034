// A console over a desk on the in-memory store with a fake clock: a few cases seeded through the
// desk (a queue, an expert's callback, a pending approval, an internal note, a rated case).
import type { AppConfig } from '../../src/config/load-config.ts';
import { RETENTION_DEFAULTS } from '../../src/config/schema.ts';
import { type ConsoleDeps, createConsoleApp } from '../../src/console/app.ts';
import type { ConsoleAuth } from '../../src/console/auth.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import type { DeskConfig } from '../../src/core/model.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { type Harness, harness } from '../support/desk-harness.ts';

export const TOKEN = 'console-token-for-tests-0123456789abcdef';
export const SECRET = 'console-secret-for-tests-fedcba9876543210';

export function appConfigOf(h: Harness): AppConfig {
  return {
    desk: h.config,
    workspace: 'acme',
    sweep: { everySeconds: 5, leaseSeconds: 60, batch: 100 },
    retention: RETENTION_DEFAULTS,
  };
}

/** The core tests' organisation plus a second team, IT Help, with a VPN topic. */
export function twoTeams(): DeskConfig {
  const config = deskConfig();
  const { directory } = config;
  return {
    ...config,
    directory: {
      ...directory,
      teams: {
        ...directory.teams,
        it: {
          id: 'it',
          name: 'IT Help',
          calendar: 'office',
          locale: 'en',
          frontLine: ['tom'],
          supervisors: ['paul'],
        },
      },
      topics: {
        ...directory.topics,
        vpn: {
          id: 'vpn',
          names: { en: 'VPN', fr: 'VPN', lt: 'VPN' },
          team: 'it',
          experts: ['aiste'],
          backups: [],
        },
      },
    },
  };
}

/** A desk of two teams on the in-memory store, its clock on Monday 23 November 2026, 10:00 in Vilnius. */
export const consoleHarness = (start?: string): Harness =>
  harness({ config: twoTeams(), ...(start ? { start } : {}) });

export interface Seeded {
  queued: string;
  queuedSecond: string;
  /** IT Help's one case. */
  vpn: string;
  withExpert: string;
  approval: string;
  rated: string;
}

/** Cases in every state the pages show, opened on Monday 23 November 2026 from 10:00 in Vilnius. */
export async function seed(h: Harness): Promise<Seeded> {
  const rated = await h.open('Password reset does not arrive', { topic: 'general' });
  await h.desk.claim({ caseId: rated, actor: { id: 'rasa' } });
  await h.desk.resolve({ caseId: rated, actor: { id: 'rasa' }, summary: 'Sent a new link' });
  await h.desk.confirm({ caseId: rated, actor: { id: customer.id } });
  await h.desk.rate({
    caseId: rated,
    actor: { id: customer.id },
    score: 2,
    comment: '=HYPERLINK("x") slow, "really"',
  });
  h.clock.advanceMinutes(10);
  const withExpert = await h.open('My invoice shows the wrong VAT', { topic: 'billing' });
  await h.desk.claim({ caseId: withExpert, actor: { id: 'tom' } });
  await h.desk.addNote({
    caseId: withExpert,
    actor: { id: 'tom' },
    text: 'Customer is <b>upset</b>, be gentle',
  });
  await h.desk.escalate({ caseId: withExpert, actor: { id: 'tom' } });
  h.clock.advanceMinutes(10);
  const approval = await h.open('I want to speak to someone in charge', { topic: 'general' });
  await h.desk.askSupervisor({ caseId: approval, actor: { id: customer.id } });
  h.clock.advanceMinutes(5);
  const queued = await h.open('The export page times out', { topic: 'general' });
  h.clock.advanceMinutes(5);
  const queuedSecond = await h.open('Cannot log in', { topic: 'general' });
  h.clock.advanceMinutes(2);
  const vpn = await h.open('The VPN drops every hour', { topic: 'vpn' });
  h.clock.advanceMinutes(8);
  return { queued, queuedSecond, vpn, withExpert, approval, rated };
}

export function consoleDeps(h: Harness, auth: ConsoleAuth, store: InspectableStore = h.store): ConsoleDeps {
  return {
    reports: store.reports,
    cases: store.cases,
    answers: store.answers,
    config: appConfigOf(h),
    clock: h.clock,
    auth,
  };
}

export const signedAuth = (store: InspectableStore): ConsoleAuth => ({
  mode: 'sign-in',
  token: TOKEN,
  secret: SECRET,
  inbound: store.inbound,
});

export async function seededConsole(auth: 'open' | 'sign-in' = 'open') {
  const h = consoleHarness();
  const cases = await seed(h);
  const deps = consoleDeps(h, auth === 'open' ? { mode: 'open' } : signedAuth(h.store));
  return { h, cases, deps, app: createConsoleApp(deps) };
}
