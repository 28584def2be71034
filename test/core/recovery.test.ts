// Level 4 recovery: recording that the customer went outside opens a recovery of its own kind,
// owed by the team's supervisors beside whatever the case owes; a supervisor writes it, the
// customer receives it with their name, and the recovery is kept (or late).
import { describe, expect, it } from 'vitest';
import { promiseViolations, renderText } from '../../src/core/index.ts';
import type { Case } from '../../src/core/model.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { as, type Harness, harness, MIN } from '../support/desk-harness.ts';

const DAY_MIN = 8 * 60; // the default: one business day of eight hours (the fixture's clock is 24/7)

async function outside(h: Harness, options: { resolved?: boolean } = {}) {
  const id = await h.open();
  await h.desk.claim({ caseId: id, actor: as('rasa') });
  if (options.resolved) await h.desk.resolve({ caseId: id, actor: as('rasa'), summary: 'Refunded' });
  const recorded = await h.desk.recordOutside({ caseId: id, actor: as('rasa'), channel: 'a public post' });
  return { id, recorded };
}

/** The events a command wrote: the audit log's tail after `before` events. */
async function eventsAfter(h: Harness, id: string, before: number) {
  return (await h.store.inspect.listEvents(id)).slice(before);
}

async function kept(h: Harness, c: Case) {
  return promiseViolations(c, await h.store.cases.listTimers(c.id));
}

describe('level 4 recovery', () => {
  it('opens with its own window when outside is recorded, and the supervisors get a Write the recovery button', async () => {
    const h = harness();
    const { id, recorded } = await outside(h);
    const c = recorded.case;
    expect(c.recovery).toMatchObject({ misses: 0, sent: null, window: { kind: 'recovery', holder: null } });
    expect(c.recovery!.window.dueAt.getTime() - h.clock.now().getTime()).toBe(DAY_MIN * MIN);
    // The case's own promise stands beside it.
    expect(c.window).toMatchObject({ kind: 'callback', holder: 'rasa' });
    expect(await kept(h, c)).toEqual([]);
    const [toSupervisors] = await h.sentWith(id, 'supervisors.outside_recorded');
    expect(toSupervisors!.actions).toEqual([{ id: 'write_recovery', caseId: id }]);
    expect(
      renderText('supervisors.outside_recorded', {
        locale: 'en',
        timeZone: 'UTC',
        params: toSupervisors!.params,
      }),
    ).toContain('owes them a recovery, what we will do beyond the fix, by');
    expect((await eventsAfter(h, id, 0)).map((e) => e.type).slice(-3)).toEqual([
      'went_outside',
      'recovery_opened',
      'risk_raised',
    ]);
  });

  it('takes its length from the team', async () => {
    const config = deskConfig();
    (config.directory.teams.support as { recoveryWindowMinutes?: number }).recoveryWindowMinutes = 120;
    const h = harness({ config });
    const { recorded } = await outside(h);
    expect(recorded.case.recovery!.window.dueAt.getTime() - h.clock.now().getTime()).toBe(120 * MIN);
  });

  it('a supervisor writes it: the customer receives it in their language with the supervisor’s name, kept on time', async () => {
    const h = harness();
    const { id } = await outside(h);
    h.clock.advanceMinutes(30);
    const count = (await h.store.inspect.listEvents(id)).length;
    const written = await h.desk.writeRecovery({
      caseId: id,
      actor: as('marie'),
      text: 'A credit of one month, and I will call you on Friday.',
    });
    expect(written.case.recovery!.sent).toMatchObject({ by: 'marie', late: false });
    expect((await eventsAfter(h, id, count)).map((e) => [e.type, e.data])).toEqual([
      ['recovery_sent', { text: 'A credit of one month, and I will call you on Friday.', late: false }],
    ]);
    const [toCustomer] = await h.sentWith(id, 'customer.recovery', 'customer');
    expect(
      renderText('customer.recovery', { locale: 'fr', timeZone: 'UTC', params: toCustomer!.params }),
    ).toBe(
      'Bonjour Eglė, ici Marie Dubois, responsable, au sujet de la demande #1. Nous regrettons d’en être arrivés là. Au-delà de la correction, voici ce que nous allons faire :\nA credit of one month, and I will call you on Friday.',
    );
    expect(toCustomer!.locale).toBe(customer.locale);
    expect(await h.sentWith(id, 'supervisors.recovery_sent', 'supervisors')).toHaveLength(1);
    // Its timers went; the case's own window still runs with its miss timer.
    expect(await kept(h, written.case)).toEqual([]);
    const live = (await h.store.cases.listTimers(id)).filter((t) => t.status === 'pending');
    expect(live.every((t) => t.windowId === written.case.window!.id)).toBe(true);
    await expect(
      h.desk.writeRecovery({ caseId: id, actor: as('paul'), text: 'Again' }),
    ).rejects.toMatchObject({
      textKey: 'error.no_recovery',
    });
  });

  it('runs on a finished case: the nudge and the miss remind the supervisors, and one written after is late', async () => {
    const h = harness();
    const { id, recorded } = await outside(h, { resolved: true });
    // Outside on a finished case reopens it for the supervisors (their own window), and the recovery runs beside it.
    expect(recorded.case.status).toBe('open');
    await h.desk.resolve({ caseId: id, actor: as('marie'), summary: 'Settled' });
    const finished = (await h.desk.getCase(id))!;
    expect(finished.status).toBe('resolved');
    expect(finished.window).toBeNull();
    expect(await kept(h, finished)).toEqual([]);

    h.clock.advanceMinutes(DAY_MIN * 0.75);
    expect(await h.desk.sweep()).toMatchObject({ nudged: 1 });
    const [nudge] = await h.sentWith(id, 'supervisors.recovery_nudge', 'supervisors');
    expect(nudge!.actions).toEqual([{ id: 'write_recovery', caseId: id }]);

    h.clock.advanceMinutes(DAY_MIN * 0.25);
    expect(await h.desk.sweep()).toMatchObject({ missed: 1 });
    const missed = (await h.desk.getCase(id))!;
    expect(missed.recovery).toMatchObject({ misses: 1, sent: null });
    expect(missed.recovery!.window.dueAt.getTime()).toBe(h.clock.now().getTime() + DAY_MIN * MIN);
    expect(await h.sentWith(id, 'supervisors.recovery_missed', 'supervisors')).toHaveLength(1);
    expect(await kept(h, missed)).toEqual([]);

    const count = (await h.store.inspect.listEvents(id)).length;
    const written = await h.desk.writeRecovery({
      caseId: id,
      actor: as('paul'),
      text: 'A visit from our director.',
    });
    expect((await eventsAfter(h, id, count)).map((e) => e.data)).toEqual([
      { text: 'A visit from our director.', late: true },
    ]);
    expect(written.case.status).toBe('resolved');
    expect((await h.store.cases.listTimers(id)).filter((t) => t.status === 'pending')).toEqual([]);
    expect(await h.sentWith(id, 'customer.recovery', 'customer')).toHaveLength(1);
  });

  it('survives the case’s own window changing (waiting on the customer, their reply): its timers are written again', async () => {
    const h = harness();
    const { id, recorded } = await outside(h);
    const due = recorded.case.recovery!.window.dueAt;
    await h.desk.askCustomer({ caseId: id, actor: as('rasa'), text: 'Which invoice?' });
    const waiting = (await h.desk.getCase(id))!;
    expect(waiting.status).toBe('waiting_on_customer');
    expect(waiting.recovery!.window.dueAt).toEqual(due);
    expect(await kept(h, waiting)).toEqual([]);
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'The March one' });
    const back = (await h.desk.getCase(id))!;
    expect(back.status).not.toBe('waiting_on_customer');
    expect(await kept(h, back)).toEqual([]);
    const recoveryTimers = (await h.store.cases.listTimers(id)).filter(
      (t) => t.status === 'pending' && t.windowId === back.recovery!.window.id,
    );
    expect(recoveryTimers.map((t) => [t.kind, t.dueAt.getTime()])).toEqual([
      ['nudge', due.getTime() - (DAY_MIN / 4) * MIN],
      ['miss', due.getTime()],
    ]);
  });

  it('recording outside again while one is owed keeps the one recovery', async () => {
    const h = harness();
    const { id, recorded } = await outside(h);
    const count = (await h.store.inspect.listEvents(id)).length;
    const again = await h.desk.recordOutside({ caseId: id, actor: as('marie'), channel: 'phone call' });
    expect(again.case.recovery!.window.id).toBe(recorded.case.recovery!.window.id);
    expect((await eventsAfter(h, id, count)).map((e) => e.type)).not.toContain('recovery_opened');
  });

  it.each<[what: string, actor: string, text: unknown, key: string]>([
    ['the front line', 'rasa', 'A credit', 'error.supervisors_only'],
    ['the customer', customer.id, 'A credit', 'error.supervisors_only'],
    ['a stranger', 'discord:999', 'A credit', 'error.supervisors_only'],
    ['empty words', 'marie', '   ', 'error.recovery_required'],
    ['no words', 'marie', undefined, 'error.recovery_required'],
    ['null', 'marie', null, 'error.recovery_required'],
    ['not text', 'marie', { evil: true }, 'error.recovery_required'],
    ['too long', 'marie', 'x'.repeat(3001), 'error.recovery_too_long'],
  ])('refuses %s kindly and writes nothing', async (_what, actor, text, key) => {
    const h = harness();
    const { id } = await outside(h);
    const before = (await h.sent(id)).length;
    const version = (await h.desk.getCase(id))!.version;
    await expect(
      h.desk.writeRecovery({ caseId: id, actor: as(actor), text: text as string }),
    ).rejects.toMatchObject({
      textKey: key,
    });
    expect((await h.sent(id)).length).toBe(before);
    expect((await h.desk.getCase(id))!.version).toBe(version);
  });

  it('refuses a recovery nobody owes', async () => {
    const h = harness();
    const id = await h.open();
    await expect(h.desk.writeRecovery({ caseId: id, actor: as('marie'), text: 'x' })).rejects.toMatchObject({
      textKey: 'error.no_recovery',
    });
  });
});
