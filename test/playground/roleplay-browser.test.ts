// Role-play in a real headless Chromium, over HTTP: the trainee picks "An apology at level 3" from
// the role-play panel, the playground starts afresh with Camille's case waiting on a supervisor,
// the trainee (Marie) approves with an apology and a plan, answers Camille's scripted follow-up,
// ticks the one item no event can show, and the checklist is fully ticked. Screenshots go to
// test-results/screenshots/ (playground-roleplay*.png; docs/playground-roleplay.png is a copy of one).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, chromiumAvailability, openBrowser, SCREENSHOTS } from '../support/browser.ts';
import { playground } from './fixture.ts';

const chromium = chromiumAvailability();

/** Submits a form and waits for the page it leads back to. */
async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator(form).locator('button[type="submit"]').click(),
  ]);
}

/** Each checklist item's state as the page shows it. */
async function states(page: Page): Promise<string[]> {
  return page
    .locator('#roleplay .checklist li')
    .evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('data-item')}:${li.getAttribute('data-state')}`),
    );
}

describe.skipIf(!chromium.available)('role-play in Chromium', () => {
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

  it('plays “An apology at level 3” to a fully ticked checklist', async () => {
    if (!session || !pg) throw new Error('no browser or no playground');
    const page = await session.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/`);

    // Something from free play first: starting the scenario clears it.
    const open = '#customer details[data-form="open"]';
    await page.locator(`${open} textarea[name="text"]`).fill('A free-play case.');
    await submit(page, `${open} form`);
    expect(await page.locator('#customer article[data-case]').count()).toBe(1);

    await page.locator('#roleplay-scenario').selectOption('apology-level-3');
    await submit(page, '#roleplay form.picker');
    expect((await page.locator('.flash.ok').textContent())?.trim()).toBe(
      'Role-play “An apology at level 3” started. Read the brief, then play your pane.',
    );
    expect(await page.locator('#roleplay .brief').textContent()).toContain('You are Marie, the supervisor.');
    expect(await page.locator('#customer select[name="person"] option[selected]').textContent()).toContain(
      'Camille',
    );
    expect(await page.locator('#customer article[data-case]').count()).toBe(1);
    expect(await page.locator('#customer').textContent()).not.toContain('A free-play case.');
    expect(await states(page)).toEqual(['apology:open', 'specific:open', 'plan:open', 'follow-up:open']);
    await session.screenshot(page, 'playground-roleplay-start');

    // The supervisor approves with an apology and a plan.
    const approve = page.locator('#supervisor details[data-form="approve"][data-case="1"]');
    await approve.locator('summary').click();
    await approve
      .locator('textarea[name="apology"]')
      .fill('I am sorry: three messages and two weeks without a working login.');
    await approve
      .locator('textarea[name="plan"]')
      .fill('Sam resets your account today, and we now test every reset link before sending it.');
    await submit(page, '#supervisor details[data-form="approve"][data-case="1"] form');
    await page.locator('#customer [data-key="customer.supervisor_approved"]').waitFor();
    expect(await states(page)).toEqual(['apology:ticked', 'specific:open', 'plan:ticked', 'follow-up:open']);
    // Camille's scripted follow-up reached the case.
    const trail = await pg.store.inspect.listEvents((await pg.desk.listCases({ limit: 1 }))[0]?.id ?? '');
    expect(trail.filter((e) => e.type === 'details_added').map((e) => e.data)).toEqual([
      { text: 'Thank you. So what happens if it breaks again next week?' },
    ]);

    // The supervisor answers it, and ticks the one item no event shows.
    const reply = page.locator('#supervisor details[data-form="reply"][data-case="1"]');
    await reply.locator('summary').click();
    await reply
      .locator('textarea[name="text"]')
      .fill('If it breaks again, write to me directly: I will call you.');
    await submit(page, '#supervisor details[data-form="reply"][data-case="1"] form');
    expect(await states(page)).toEqual([
      'apology:ticked',
      'specific:open',
      'plan:ticked',
      'follow-up:ticked',
    ]);
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('#roleplay li[data-item="specific"] button.tick').click(),
    ]);
    expect(await states(page)).toEqual([
      'apology:ticked',
      'specific:ticked',
      'plan:ticked',
      'follow-up:ticked',
    ]);
    expect(await page.locator('#roleplay .count').textContent()).toBe('4 of 4');
    expect((await page.locator('#roleplay .roleplay-done').textContent())?.trim()).toBe(
      'Every item is ticked: well done.',
    );
    await page.evaluate('window.scrollTo(0, 0)');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-roleplay.png') });
    await session.screenshot(page, 'playground-roleplay-full');
    expect(session.errors).toEqual([]);
  }, 240_000);
});

it.runIf(chromium.mustFail)('has Chromium for the role-play browser test', () => {
  throw new Error(chromium.reason);
});
