// The playground in a real headless Chromium, over HTTP: the customer opens an urgent case, the
// front line takes it and passes it to the expert, the clock runs past the expert's window (the
// miss reaches the supervisor), the supervisor approves with an apology, the customer reads it,
// and the console's reports count the missed window. Screenshots go to test-results/screenshots/
// (playground*.png; docs/playground.png and docs/console.png are copies of two of them).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, chromiumAvailability, openBrowser, SCREENSHOTS } from '../support/browser.ts';
import { playground } from './fixture.ts';

const chromium = chromiumAvailability();

/** The missed windows the console's report counts over all teams (its "missed" column). */
async function missedInReport(page: Page): Promise<number> {
  const cells = await page
    .locator('section[data-scope="all"] table[data-table="windows"] tbody tr td:nth-child(3)')
    .allTextContents();
  return cells.reduce((sum, text) => sum + Number(text.trim() || 0), 0);
}

/** A screenshot of what the window shows (1280×800), small enough for the README. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Submits a pane's form and waits for the page it leads back to. */
async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator(form).locator('button[type="submit"]').click(),
  ]);
}

describe.skipIf(!chromium.available)('the playground in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: ServerType | undefined;
  let pg: ReturnType<typeof playground> | undefined;
  let base = '';

  beforeAll(async () => {
    const app = (pg = playground()).app;
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    base = `http://127.0.0.1:${port}`;
    session = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await pg?.close();
    }
  }, 60_000);

  it('climbs the ladder from the customer to the supervisor, and the console counts the miss', async () => {
    if (!session || !pg) throw new Error('no browser or no playground');
    const page = await session.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const reports = await session.newPage();
    await reports.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}/`);
    expect(await page.locator('.intro').textContent()).toContain('training sandbox');

    // The customer opens an urgent billing case.
    const open = '#customer details[data-form="open"]';
    await page.locator(`${open} textarea[name="text"]`).fill('I was charged twice for November.');
    await page.locator(`${open} select[name="topic"]`).selectOption('billing');
    await page.locator(`${open} select[name="priority"]`).selectOption('urgent');
    await submit(page, `${open} form`);
    await page.locator('#customer [data-key="customer.ack"]').waitFor();
    expect((await page.locator('#customer .flash.ok').textContent())?.trim()).toBe('Case #1 is open.');

    // The console before anything was missed.
    await reports.goto(`${base}/console/reports`);
    const missedBefore = await missedInReport(reports);

    // The front line (Rasa) takes it and passes it to the billing expert.
    expect(await page.locator('#staff select[name="person"] option[selected]').textContent()).toContain(
      'Rasa',
    );
    await submit(page, '#staff form[data-form="claim"][data-case="1"]');
    await page.locator('#staff form[data-form="claim"][data-case="1"]').waitFor({ state: 'detached' });
    const escalate = '#staff details[data-form="escalate"][data-case="1"]';
    await page.locator(`${escalate} summary`).click();
    await page.locator(`${escalate} select[name="topic"]`).selectOption('billing');
    await submit(page, `${escalate} form`);
    await page.locator('#staff article[data-case="1"][data-status="waiting_on_expert"]').waitFor();
    await page.locator('#customer [data-key="customer.expert_assigned"]').waitFor();

    // Nobody answers: the clock runs to each deadline until the miss reaches the supervisor.
    const approve = page.locator('#supervisor details[data-form="approve"][data-case="1"]');
    for (let step = 0; step < 10 && (await approve.count()) === 0; step++) {
      await submit(page, '.clock form:has(button[data-clock="next"])');
    }
    expect(await approve.count()).toBe(1);
    expect(await page.locator('#supervisor select[name="person"] option[selected]').textContent()).toContain(
      'Marie',
    );
    await page.locator('#supervisor [data-key^="supervisors.approval_requested"]').first().waitFor();
    await shot(page, 'playground-escalated');

    // The supervisor approves, with an apology and a plan; the customer reads both.
    const apology = 'I am sorry: we promised you an answer within the hour and did not keep it.';
    await approve.locator('summary').click();
    await approve.locator('textarea[name="apology"]').fill(apology);
    await approve.locator('textarea[name="plan"]').fill('I have cancelled the duplicate charge myself.');
    await submit(page, '#supervisor details[data-form="approve"][data-case="1"] form');
    await page.locator('#customer [data-key="customer.supervisor_approved"]').waitFor();
    expect(await page.locator('#customer [data-key="customer.supervisor_approved"]').textContent()).toContain(
      apology,
    );
    // Time passes (a report counts what ended before now).
    await submit(page, '.clock form:has(button[data-clock="15m"])');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'playground');
    await session.screenshot(page, 'playground-full');

    // The console, linked from the playground: the missed window is counted, the charts drawn.
    await Promise.all([page.waitForLoadState('load'), page.locator('a[data-link="console"]').click()]);
    expect(new URL(page.url()).pathname).toBe('/console/reports');
    expect(await missedInReport(page)).toBeGreaterThan(missedBefore);
    await page.locator('[data-chart="kept"] canvas').first().waitFor();
    await shot(page, 'playground-console');
    const [opened] = await pg.desk.listCases({ limit: 1 });
    await page.goto(`${base}/console/cases/${opened?.id ?? ''}`);
    await page.locator('text=I was charged twice for November.').first().waitFor();
    await shot(page, 'playground-console-case');
    expect(session.errors).toEqual([]);
  }, 240_000);

  it('on a narrow screen, shows one pane at a time behind its tab', async () => {
    if (!session) throw new Error('no browser');
    const page = await session.newPage();
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`${base}/`);
    await page.locator('.tabs a[href="#staff"]').click();
    await page.locator('#staff').waitFor({ state: 'visible' });
    expect(await page.locator('#customer').isVisible()).toBe(false);
    expect(await page.locator('#supervisor').isVisible()).toBe(false);
    await page.locator('.tabs a[href="#supervisor"]').click();
    await page.locator('#supervisor').waitFor({ state: 'visible' });
    expect(await page.locator('#staff').isVisible()).toBe(false);
    await session.screenshot(page, 'playground-narrow');
    expect(session.errors).toEqual([]);
  }, 120_000);
});

it.runIf(chromium.mustFail)('has Chromium for the playground’s browser test', () => {
  throw new Error(chromium.reason);
});
