// The console in a real headless Chromium, served over HTTP on a desk with a week of history:
// sign in with the token, see the queue, a countdown, a case's timeline with its internal note
// marked, the charts drawn on their canvases, and the pages in Lithuanian. Screenshots go to
// test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../src/console/app.ts';
import { type ConsoleServer, startConsoleServer } from '../../src/console/server.ts';
import { type BrowserSession, chromiumAvailability, openBrowser } from '../support/browser.ts';
import { customer } from '../support/desk-fixture.ts';
import type { Harness } from '../support/desk-harness.ts';
import { consoleDeps, consoleHarness, seed, type Seeded, signedAuth, TOKEN } from './fixture.ts';

const chromium = chromiumAvailability();

/** The part of a canvas element the test reads (the project's types have no DOM). */
interface Canvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** A week of cases: each day two are taken in time, one waits past its first response and climbs. */
async function week(h: Harness): Promise<void> {
  for (let day = 0; day < 7; day++) {
    const prompt = await h.open(`Day ${day}: printer jam`, { topic: 'general' });
    const late = await h.open(`Day ${day}: VPN drops`, { topic: 'general' });
    const billing = await h.open(`Day ${day}: invoice copy`, { topic: 'billing' });
    h.clock.advanceMinutes(20);
    await h.desk.claim({ caseId: prompt, actor: { id: 'rasa' } });
    await h.desk.claim({ caseId: billing, actor: { id: 'tom' } });
    h.clock.advanceMinutes(50);
    await h.desk.sweep(); // the late one's first response is missed: a supervisor is asked
    const approvalId = (await h.desk.getCase(late))?.approval?.id ?? '';
    h.clock.advanceMinutes(15);
    await h.desk.approve({
      caseId: late,
      actor: { id: 'marie' },
      approvalId,
      apology: 'Sorry',
      plan: 'On it',
    });
    for (const [caseId, by] of [
      [prompt, 'rasa'],
      [billing, 'tom'],
      [late, 'marie'],
    ] as const) {
      await h.desk.resolve({ caseId, actor: { id: by }, summary: 'Fixed' });
      await h.desk.close({ caseId, actor: { id: by } });
    }
    await h.desk.rate({ caseId: prompt, actor: { id: customer.id }, score: 5, comment: 'Quick' });
    h.clock.advanceMinutes(24 * 60 - 85);
  }
}

describe.skipIf(!chromium.available)('the console in Chromium', () => {
  let session: BrowserSession;
  let server: ConsoleServer;
  let h: Harness;
  let seeded: Seeded;

  beforeAll(async () => {
    h = consoleHarness('2026-11-16T08:00:00Z');
    await week(h);
    seeded = await seed(h);
    const app = createConsoleApp({ ...consoleDeps(h, signedAuth(h.store)), liveCountdown: true });
    server = await startConsoleServer({ app, port: 0, host: '127.0.0.1' });
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('signs in with the token and shows the team’s queue', async () => {
    const page = await session.newPage();
    const response = await page.goto(`${server.url}/queues`);
    expect(response?.status()).toBe(401);
    await page.fill('#token', TOKEN);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${server.url}/queues`);
    const first = page.locator(`tr[data-case="${seeded.queued}"]`);
    await expect.poll(() => first.locator('td').first().textContent()).toBe('1');
    expect(await first.textContent()).toContain('The export page times out');
    await session.screenshot(page, 'console-queues');
    await page.close();
  });

  it('counts down each open promise and marks the overdue ones', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/promises`);
    const countdown = page.locator(`tr[data-case="${seeded.withExpert}"] .countdown`);
    await expect.poll(() => countdown.textContent()).toMatch(/^in 3 h \d+ min$/);
    h.clock.advanceMinutes(45);
    await page.reload();
    const approval = page.locator(`tr[data-case="${seeded.approval}"]`);
    await expect.poll(() => approval.getAttribute('class')).toBe('overdue');
    await expect.poll(() => approval.locator('.countdown').textContent()).toMatch(/^overdue by \d+ min/);
    await session.screenshot(page, 'console-promises');
    await page.close();
  });

  it('shows a case’s timeline with the internal note marked, and who was told what', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/queues`);
    await page.click(`tr[data-case="${seeded.withExpert}"] a`);
    await page.waitForURL(`${server.url}/cases/${seeded.withExpert}`);
    const note = page.locator('tr[data-event="note_added"]');
    expect(await note.locator('.badge.internal').textContent()).toBe('internal');
    expect(await note.textContent()).toContain('Customer is <b>upset</b>, be gentle');
    expect(await page.locator('table.notices tr[data-notice]').count()).toBeGreaterThan(0);
    await session.screenshot(page, 'console-case');
    await page.close();
  });

  it('draws the charts of the week on their canvases', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/reports`);
    for (const chart of ['queue', 'kept']) {
      const holder = page.locator(`.chart[data-chart="${chart}"]`);
      await expect.poll(() => holder.getAttribute('data-drawn')).toBe('true');
      // Some pixels of the plot are painted (not a blank canvas).
      const painted = await holder.locator('canvas').evaluate((canvas: Canvas) => {
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count++;
        return count;
      });
      expect(painted, chart).toBeGreaterThan(500);
    }
    expect(await page.locator('[data-scope="all"] .stat .value').first().textContent()).toMatch(
      /^\d+(\.\d)? %$/,
    );
    await session.screenshot(page, 'console-reports');
    // Nothing failed but the first visit before signing in (401, the sign-in page).
    expect(session.errors).toEqual(['http 401 /queues']);
    await page.close();
  });

  it('switches to Lithuanian and stays in it', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/reports`);
    await page.click('a[hreflang="lt"]');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('lt');
    expect(await page.locator('h1').textContent()).toContain('Ataskaitos');
    await page.click('nav a[href="/queues"]');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Komandų eilės');
    await page.click(`tr[data-case="${seeded.withExpert}"] a`);
    expect(await page.locator('tr[data-event="note_added"] .badge.internal').textContent()).toBe('vidinė');
    await session.screenshot(page, 'console-case-lt');
    await page.close();
  });
});

describe.runIf(chromium.mustFail)('the console in Chromium on CI', () => {
  it('has Chromium to run in', () => {
    throw new Error(chromium.reason);
  });
});
