// The console's pages through app.request(), on cases seeded through the desk: queues with their
// places, open promises with countdowns (overdue marked), a case's whole timeline with internal
// notes marked and who was told what, reports and their charts' data, in en, fr and lt.
import { describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../src/console/app.ts';
import { consoleDeps, consoleHarness, seed, seededConsole } from './fixture.ts';

const text = async (response: Response) => ({ status: response.status, body: await response.text() });

describe('teams’ queues', () => {
  it('lists each team’s open cases, the front-line queue first in arrival order with its place', async () => {
    const { app, cases } = await seededConsole();
    const { status, body } = await text(await app.request('/queues'));
    expect(status).toBe(200);
    const rows = [...body.matchAll(/data-case="([^"]+)">\s*<td class="num">(\d*)<\/td>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toEqual([
      [cases.queued, '1'],
      [cases.queuedSecond, '2'],
      [cases.withExpert, ''],
      [cases.approval, ''],
      [cases.vpn, '1'], // IT Help's own queue
    ]);
    // Finished cases are not in the queue.
    expect(body).not.toContain(`data-case="${cases.rated}"`);
    expect(body).toContain('Jonas Petraitis'); // the expert holding the callback
    expect(body).toContain('the supervisors'); // the approval's holder
    expect(body).toContain('level 2, expert');
    expect(body).toContain('23 Nov, 11:25 EET'); // the first queued case's first response, in Vilnius
  });

  it('redirects / to the queues', async () => {
    const { app } = await seededConsole();
    const response = await app.request('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/queues');
  });
});

describe('open promises', () => {
  it('lists every running window by due time with the time left, computed from the deps clock', async () => {
    const { app, cases, h } = await seededConsole();
    const { status, body } = await text(await app.request('/promises'));
    expect(status).toBe(200);
    const order = [...body.matchAll(/<tr class="[^"]*" data-case="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([cases.approval, cases.queued, cases.queuedSecond, cases.vpn, cases.withExpert]);
    expect(body).toContain('in 40 min'); // the approval: asked at 10:20, 60 min, now 10:40
    expect(body).toContain(`data-now-ms="${h.clock.now().getTime()}"`);
    expect(body).not.toContain('>overdue by');
  });

  it('marks overdue promises', async () => {
    const { app, h } = await seededConsole();
    h.clock.advanceMinutes(45);
    const { body } = await text(await app.request('/promises'));
    expect(body).toContain('overdue by 5 min'); // the approval, due at 11:20, now 11:25
    expect(body).toMatch(/<tr class="overdue"/);
    expect(body).toContain('<span class="badge overdue">overdue</span>');
  });

  it('says so when no promise runs', async () => {
    const h = consoleHarness();
    const app = createConsoleApp(consoleDeps(h, { mode: 'open' }));
    expect(await (await app.request('/promises')).text()).toContain('No promise is running.');
    expect(await (await app.request('/queues')).text()).toContain('No open cases.');
  });
});

describe('a case’s page', () => {
  it('shows the whole timeline in order, internal notes marked, escaped', async () => {
    const { app, cases } = await seededConsole();
    const { status, body } = await text(await app.request(`/cases/${cases.withExpert}`));
    expect(status).toBe(200);
    expect(body).toContain('<h1>Case #2</h1>');
    const events = [...body.matchAll(/data-event="([a-z_]+)"/g)].map((m) => m[1]);
    expect(events).toEqual(['case_opened', 'claimed', 'note_added', 'expert_assigned']);
    const note = /<tr class="internal" data-event="note_added">[\s\S]*?<\/tr>/.exec(body)?.[0] ?? '';
    expect(note).toContain('<span class="badge internal">internal</span>');
    expect(note).toContain('Tom Baker');
    expect(note).toContain('Customer is &lt;b&gt;upset&lt;/b&gt;, be gentle');
    expect(body).not.toContain('<b>upset</b>');
  });

  it('shows who was told what, in their words, with the delivery status, and the current promise', async () => {
    const { app, cases } = await seededConsole();
    const { body } = await text(await app.request(`/cases/${cases.withExpert}`));
    expect(body).toMatch(/data-notice="customer\.ack" data-status="pending"/);
    expect(body).toContain('Eglė (the customer)');
    expect(body).toContain('My invoice shows the wrong VAT');
    expect(body).toContain('<span class="badge pending">pending</span>');
    expect(body).toContain('data-promise="callback"');
    expect(body).toContain('in 3 h 30 min');
  });

  it('answers 404 with a kind page for an unknown, overlong or odd case id', async () => {
    const { app } = await seededConsole();
    for (const id of ['nope', 'x'.repeat(300), '%E0%A4%A', '..%2F..%2Fetc', "'%3Bdrop"]) {
      const { status, body } = await text(await app.request(`/cases/${id}`));
      expect(status, id).toBe(404);
      expect(body).toContain('There is no such case');
    }
  });
});

describe('reports', () => {
  it('shows kept %, windows by kind, response times, CSAT with comments and the charts’ data', async () => {
    const h = consoleHarness();
    const kept = await h.open('Kept', { topic: 'general' });
    h.clock.advanceMinutes(5);
    await h.desk.claim({ caseId: kept, actor: { id: 'rasa' } });
    await h.desk.resolve({ caseId: kept, actor: { id: 'rasa' }, summary: 'Done' });
    await h.desk.close({ caseId: kept, actor: { id: 'rasa' } });
    await h.desk.rate({
      caseId: kept,
      actor: { id: 'slack:T1:U100' },
      score: 4,
      comment: 'Quick <and> kind',
    });
    await h.open('Missed', { topic: 'general' });
    h.clock.advanceMinutes(61);
    await h.desk.sweep();
    h.clock.advanceMinutes(60);
    const app = createConsoleApp(consoleDeps(h, { mode: 'open' }));
    const { status, body } = await text(await app.request('/reports?days=7'));
    expect(status).toBe(200);
    expect(body).toContain('data-scope="all"');
    expect(body).toContain('data-scope="support"');
    expect(body).toMatch(/Promises kept<\/div>\s*<div class="value">50 %<\/div>/);
    expect(body).toMatch(/<td>first response<\/td>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>/);
    expect(body).toMatch(/First response<\/div>\s*<div class="value">median 5 min<\/div>/);
    expect(body).toContain('average 4.0 of 5 from 1 ratings');
    expect(body).toMatch(
      /Longest wait in a queue<\/div>\s*<div class="value">\d+ (h|min)[^<]*<\/div>\s*<div class="muted">case #2, waiting since 23 Nov, 10:05 EET/,
    );
    expect(body).toContain('Quick &lt;and&gt; kind');
    const data = JSON.parse(
      /<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(body)?.[1] ?? '',
    );
    expect(data.queue.x.length).toBe(7 * 24);
    expect(data.queue.series[0].label).toBe('Customer Support');
    expect(data.kept.x.length).toBeGreaterThanOrEqual(7);
    expect(data.kept.series[0].values.filter((v: number | null) => v !== null)).toEqual([50]);
    expect(body).toContain('/assets/uPlot.iife.min.js');
  });

  it('counts level 4 recoveries opened, sent on time and late', async () => {
    const h = consoleHarness();
    const onTime = await h.open('Kept', { topic: 'general' });
    const late = await h.open('Late', { topic: 'general' });
    await h
      .open('Still owed', { topic: 'general' })
      .then((id) => h.desk.recordOutside({ caseId: id, actor: { id: 'rasa' }, channel: 'press' }));
    for (const id of [onTime, late])
      await h.desk.recordOutside({ caseId: id, actor: { id: 'rasa' }, channel: 'press' });
    await h.desk.writeRecovery({ caseId: onTime, actor: { id: 'marie' }, text: 'A credit' });
    h.clock.advanceMinutes(2 * 24 * 60); // past one business day, whatever the clock
    await h.desk.sweep();
    await h.desk.writeRecovery({ caseId: late, actor: { id: 'marie' }, text: 'A call' });
    h.clock.advanceMinutes(1); // the period ends just before now
    const app = createConsoleApp(consoleDeps(h, { mode: 'open' }));
    const { body } = await text(await app.request('/reports?days=7'));
    expect(body).toContain(
      '<p data-stat="recoveries">level 4 recoveries: 3 opened, 1 sent on time, 1 late</p>',
    );
  });

  it('takes 30 days and one team, and ignores a period or team it does not know', async () => {
    const { app } = await seededConsole();
    const month = await text(await app.request('/reports?days=30&team=support'));
    expect(month.status).toBe(200);
    expect(month.body).toContain('Reports · Last 30 days');
    expect(month.body).not.toContain('data-scope="all"');
    const odd = await text(await app.request('/reports?days=9999&team=%3Cscript%3E'));
    expect(odd.status).toBe(200);
    expect(odd.body).toContain('Reports · Last 7 days');
    expect(odd.body).toContain('data-scope="all"');
    expect(odd.body).not.toContain('<script>');
  });
});

describe('languages', () => {
  it('speaks French and Lithuanian when asked by ?lang=, and remembers it in a cookie', async () => {
    const { app, cases } = await seededConsole();
    const fr = await app.request('/queues?lang=fr');
    const body = await fr.text();
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain('Files d’attente des équipes');
    expect(body).toContain('niveau 1'); // the core's own label for the level
    const cookie = fr.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ladder_console_lang=fr;/);
    const next = await (
      await app.request('/promises', { headers: { cookie: 'ladder_console_lang=fr' } })
    ).text();
    expect(next).toContain('Engagements en cours');
    const lt = await (await app.request(`/cases/${cases.withExpert}?lang=lt`)).text();
    expect(lt).toContain('Byla Nr. 2');
    expect(lt).toContain('vidinė');
    expect(lt).toContain('parašė vidinę pastabą');
  });

  it('follows Accept-Language, and falls back to English for a language it does not speak', async () => {
    const { app } = await seededConsole();
    const lt = await (
      await app.request('/reports', { headers: { 'accept-language': 'de;q=0.9, lt-LT;q=0.8' } })
    ).text();
    expect(lt).toContain('Ataskaitos');
    const en = await (await app.request('/queues?lang=xx', { headers: { 'accept-language': 'de' } })).text();
    expect(en).toContain('<html lang="en">');
  });

  it('keeps the page’s other query parameters in the language switch', async () => {
    const { app } = await seededConsole();
    const body = await (await app.request('/reports?days=30')).text();
    expect(body).toContain('href="/reports?days=30&amp;lang=lt"');
  });
});

describe('assets and errors', () => {
  it('serves uPlot and the console’s own script and stylesheet, and nothing else', async () => {
    const { app } = await seededConsole();
    const js = await app.request('/assets/uPlot.iife.min.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('uPlot');
    expect((await app.request('/assets/uPlot.min.css')).status).toBe(200);
    expect((await app.request('/assets/console.js')).status).toBe(200);
    expect((await app.request('/assets/console.css')).status).toBe(200);
    expect((await app.request('/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/assets/package.json')).status).toBe(404);
  });

  it('answers an unknown page with 404, and sets headers that keep it in its own frame', async () => {
    const { app } = await seededConsole();
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This page does not exist.');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a huge query string with 414 and takes a long but sane one', async () => {
    const { app } = await seededConsole();
    expect((await app.request(`/queues?x=${'a'.repeat(10_000)}`)).status).toBe(414);
    expect((await app.request(`/queues?x=${'a'.repeat(2_000)}`)).status).toBe(200);
  });

  it('says kindly when a page cannot be built, and logs it', async () => {
    const h = consoleHarness();
    const errors: string[] = [];
    const deps = consoleDeps(h, { mode: 'open' });
    const app = createConsoleApp({
      ...deps,
      reports: { ...deps.reports, trails: () => Promise.reject(new Error('database gone')) },
      logger: { info: () => {}, warn: () => {}, error: (event) => errors.push(event) },
    });
    const response = await app.request('/reports');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Something went wrong');
    expect(errors).toEqual(['console.failed']);
  });

  it('works mounted under a base path', async () => {
    const h = consoleHarness();
    await seed(h);
    const { Hono } = await import('hono');
    const outer = new Hono();
    outer.route('/console', createConsoleApp({ ...consoleDeps(h, { mode: 'open' }), basePath: '/console' }));
    const body = await (await outer.request('/console/queues')).text();
    expect(body).toContain('href="/console/promises"');
    expect(body).toContain('href="/console/assets/console.css"');
    expect(body).toContain('href="/console/queues?lang=fr"');
  });
});
