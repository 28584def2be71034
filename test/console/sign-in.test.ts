// Signing in to the console: the token form, a supervisor's one-time link (once, across app
// instances sharing the store; expired; tampered; not a supervisor), the session cookie (HttpOnly,
// SameSite=Strict, 8 hours, tamper-proof), and requests from another site refused. Never a 5xx.
import { describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../src/console/app.ts';
import { createSignInLinks, LINK_TTL_MS } from '../../src/console/sign-in.ts';
import { appConfigOf, consoleDeps, consoleHarness, seed, SECRET, signedAuth, TOKEN } from './fixture.ts';

const ORIGIN = 'http://localhost';

function form(
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: ORIGIN },
): RequestInit {
  return {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  };
}

/** The session cookie a response set, as a Cookie header. */
function sessionOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /ladder_console=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in: ${header}`);
  return `ladder_console=${match[1]}`;
}

async function setUp() {
  const h = consoleHarness();
  await seed(h);
  const deps = consoleDeps(h, signedAuth(h.store));
  const links = createSignInLinks({
    secret: SECRET,
    baseUrl: `${ORIGIN}/`,
    config: deps.config,
    clock: h.clock,
  });
  return { h, deps, app: createConsoleApp(deps), links };
}

/** The path and query of a link, as app.request takes it. */
const pathOf = (link: string): string => {
  const url = new URL(link);
  return url.pathname + url.search;
};
const tokenOf = (link: string): string => new URL(link).searchParams.get('t') ?? '';

describe('without a session', () => {
  it('answers every page with 401 and the sign-in form, which returns there afterwards', async () => {
    const { app } = await setUp();
    for (const path of [
      '/queues',
      '/promises',
      '/reports',
      '/cases/id-1',
      '/export/cases.csv',
      '/export/report.csv',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(401);
      const body = await response.text();
      expect(body).toContain('<form class="sign-in" method="post" action="/sign-in">');
      expect(body).toContain(`name="next" value="${path}"`);
      expect(body).not.toContain('Eglė');
    }
  });

  it('serves the assets the sign-in page needs', async () => {
    const { app } = await setUp();
    expect((await app.request('/assets/console.css')).status).toBe(200);
  });

  it('refuses a tampered, foreign or expired cookie', async () => {
    const { app, h } = await setUp();
    const signedIn = await app.request('/sign-in', form({ token: TOKEN, next: '/queues' }));
    const cookie = sessionOf(signedIn);
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await app.request('/queues', { headers: { cookie: tampered } })).status).toBe(401);
    expect((await app.request('/queues', { headers: { cookie: 'ladder_console=garbage' } })).status).toBe(
      401,
    );
    const forged = `ladder_console=${Buffer.from('{"s":"token","e":99999999999999}').toString('base64url')}.AAAA`;
    expect((await app.request('/queues', { headers: { cookie: forged } })).status).toBe(401);
    expect((await app.request('/queues', { headers: { cookie } })).status).toBe(200);
    h.clock.advanceMinutes(8 * 60 + 1);
    expect((await app.request('/queues', { headers: { cookie } })).status).toBe(401);
  });
});

describe('the token', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie for 8 hours and goes where the reader was going', async () => {
    const { app } = await setUp();
    const response = await app.request('/sign-in', form({ token: TOKEN, next: '/promises?lang=fr' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/promises?lang=fr');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=28800');
    const page = await app.request('/promises', { headers: { cookie: sessionOf(response) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in with the console token');
  });

  it('refuses a wrong, empty or missing token with 401 and a page saying what to do', async () => {
    const { app } = await setUp();
    for (const fields of [{ token: `${TOKEN}x` }, { token: TOKEN.slice(1) }, { token: '' }, {}]) {
      const response = await app.request('/sign-in', form(fields));
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie') ?? '').not.toContain('ladder_console=');
      expect(await response.text()).toContain('That token is not right.');
    }
  });

  it('takes a body that is not a form, or too large, without failing', async () => {
    const { app } = await setUp();
    const json = await app.request('/sign-in', {
      method: 'POST',
      body: JSON.stringify({ token: TOKEN }),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    expect(json.status).toBe(401);
    const none = await app.request('/sign-in', { method: 'POST', headers: { origin: ORIGIN } });
    expect(none.status).toBe(401);
    const huge = await app.request('/sign-in', form({ token: 'x'.repeat(100_000) }));
    expect(huge.status).toBe(413);
  });

  it('never sends the reader to another site after signing in', async () => {
    const { app } = await setUp();
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await app.request('/sign-in', form({ token: TOKEN, next }));
      expect(response.headers.get('location'), next).toBe('/queues');
    }
  });

  it('refuses a form posted from another site (403), whatever it carries', async () => {
    const { app } = await setUp();
    const foreign = await app.request('/sign-in', form({ token: TOKEN }, { origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('came from another site');
    const opaque = await app.request('/sign-in', form({ token: TOKEN }, { origin: 'null' }));
    expect(opaque.status).toBe(403);
    const crossSite = await app.request(
      '/sign-in',
      form({ token: TOKEN }, { 'sec-fetch-site': 'cross-site' }),
    );
    expect(crossSite.status).toBe(403);
  });

  it('signs out', async () => {
    const { app } = await setUp();
    const cookie = sessionOf(await app.request('/sign-in', form({ token: TOKEN })));
    const out = await app.request('/sign-out', { ...form({}), headers: { origin: ORIGIN, cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in');
    expect(out.headers.get('set-cookie')).toMatch(/ladder_console=;.*Max-Age=0/);
  });
});

describe('a one-time link', () => {
  it('is issued to supervisors only', async () => {
    const { links } = await setUp();
    expect(await links.issueSignInLink('marie')).toMatch(/^http:\/\/localhost\/sign-in\/link\?t=/);
    expect(await links.issueSignInLink('rasa')).toBeNull();
    expect(await links.issueSignInLink('nobody')).toBeNull();
  });

  it('shows a button first (a link preview does not spend it), then signs the supervisor in once', async () => {
    const { app, links } = await setUp();
    const link = (await links.issueSignInLink('marie')) ?? '';
    const shown = await app.request(pathOf(link));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('This link signs you in once.');
    expect((await app.request(pathOf(link))).status).toBe(200); // still unspent
    const signedIn = await app.request('/sign-in/link', form({ t: tokenOf(link) }));
    expect(signedIn.status).toBe(303);
    const page = await app.request('/queues', { headers: { cookie: sessionOf(signedIn) } });
    const body = await page.text();
    expect(body).toContain('Signed in as Marie Dubois');
    expect(body).toContain('CET'); // Marie's own zone, Europe/Paris
    const again = await app.request('/sign-in/link', form({ t: tokenOf(link) }));
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('already used');
  });

  it('signs in once across app instances sharing the store (another replica)', async () => {
    const { h, deps, links } = await setUp();
    const first = createConsoleApp(deps);
    const second = createConsoleApp(consoleDeps(h, signedAuth(h.store)));
    const token = tokenOf((await links.issueSignInLink('paul')) ?? '');
    expect((await first.request('/sign-in/link', form({ t: token }))).status).toBe(303);
    const replay = await second.request('/sign-in/link', form({ t: token }));
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('already used');
  });

  it('expires after 15 minutes', async () => {
    const { app, h, links } = await setUp();
    const link = (await links.issueSignInLink('marie')) ?? '';
    h.clock.advance(LINK_TTL_MS);
    const shown = await app.request(pathOf(link));
    expect(shown.status).toBe(403);
    expect(await shown.text()).toContain('has expired');
    expect((await app.request('/sign-in/link', form({ t: tokenOf(link) }))).status).toBe(403);
  });

  it('refuses a tampered, truncated, missing or foreign link with 401', async () => {
    const { app, h, deps, links } = await setUp();
    const token = tokenOf((await links.issueSignInLink('marie')) ?? '');
    const [body = '', mac = ''] = token.split('.');
    const paul = Buffer.from(Buffer.from(body, 'base64url').toString().replace('marie', 'paul')).toString(
      'base64url',
    );
    const foreign = createSignInLinks({
      secret: 'another-secret-entirely-0123456789abcdef',
      baseUrl: ORIGIN,
      config: deps.config,
      clock: h.clock,
    });
    const foreignToken = tokenOf((await foreign.issueSignInLink('marie')) ?? '');
    for (const t of [
      `${paul}.${mac}`,
      token.slice(0, -2),
      '',
      'a.b.c',
      '%%%',
      foreignToken,
      'x'.repeat(3_000),
    ]) {
      const posted = await app.request('/sign-in/link', form({ t }));
      expect(posted.status, t).toBe(401);
      expect(await posted.text()).toContain('not valid');
    }
    expect((await app.request('/sign-in/link')).status).toBe(401);
    expect((await app.request(`/sign-in/link?t=${encodeURIComponent(`${paul}.${mac}`)}`)).status).toBe(401);
  });

  it('refuses someone who is no longer a supervisor', async () => {
    const { h, deps, links } = await setUp();
    const token = tokenOf((await links.issueSignInLink('marie')) ?? '');
    const config = appConfigOf(h);
    const teams = config.desk.directory.teams;
    const demoted = {
      ...config,
      desk: {
        ...config.desk,
        directory: {
          ...config.desk.directory,
          teams: Object.fromEntries(
            Object.entries(teams).map(([id, t]) => [id, { ...t, supervisors: ['paul'] }]),
          ),
        },
      },
    };
    const app = createConsoleApp({ ...deps, config: demoted });
    const response = await app.request('/sign-in/link', form({ t: token }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Only supervisors');
  });
});

describe('open mode (the local playground)', () => {
  it('needs no sign-in and offers none', async () => {
    const h = consoleHarness();
    const app = createConsoleApp(consoleDeps(h, { mode: 'open' }));
    expect((await app.request('/queues')).status).toBe(200);
    expect((await app.request('/sign-in')).status).toBe(303);
    expect(await (await app.request('/queues')).text()).not.toContain('Sign out');
  });
});
