// The console's answer bank page: entries listed and searched, a text edited and an entry retired
// by a signed-in viewer (recorded as them), forms from another site or with a bad text refused,
// and nothing shown or changed before sign-in.
import { describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../src/console/app.ts';
import { consoleDeps, consoleHarness, seed, signedAuth, TOKEN } from './fixture.ts';

const ORIGIN = 'http://localhost';
const post = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
});

async function signedIn() {
  const h = consoleHarness();
  await seed(h);
  const deps = consoleDeps(h, signedAuth(h.store));
  const app = createConsoleApp(deps);
  const response = await app.request('/sign-in', post({ token: TOKEN, next: '/answers' }));
  const cookie = /ladder_console=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const [entry] = await h.store.answers.list({ limit: 1 });
  if (!entry) throw new Error('the seed made no entry');
  return { h, app, cookie, entry };
}

describe('console: the answer bank', () => {
  it('lists the entries and finds them by words, in the reader’s language', async () => {
    const { app, cookie } = await signedIn();
    const page = await (await app.request('/answers', { headers: { cookie } })).text();
    expect(page).toContain('Answer bank');
    expect(page).toContain('Sent a new link');
    const found = await (await app.request('/answers?q=new+link&lang=fr', { headers: { cookie } })).text();
    expect(found).toContain('Banque de réponses');
    expect(found).toContain('Sent a new link');
    const none = await (await app.request('/answers?q=printer', { headers: { cookie } })).text();
    expect(none).not.toContain('Sent a new link');
    const reports = await (await app.request('/reports', { headers: { cookie } })).text();
    expect(reports).toContain('Settled by a past answer');
  });

  it('edits a text and retires an entry, as the viewer', async () => {
    const { h, app, cookie, entry } = await signedIn();
    const edited = await app.request(
      `/answers/${entry.id}/edit`,
      post({ text: '  Sent a new reset link; it lasts one hour.  ' }, { cookie }),
    );
    expect(edited.status).toBe(303);
    expect(await h.store.answers.get(entry.id)).toMatchObject({
      text: 'Sent a new reset link; it lasts one hour.',
      editedBy: 'console-token',
    });
    const retired = await app.request(`/answers/${entry.id}/retire`, post({}, { cookie }));
    expect(retired.status).toBe(303);
    expect((await h.store.answers.get(entry.id))?.retiredAt).not.toBeNull();
    const page = await (await app.request('/answers?retired=1', { headers: { cookie } })).text();
    expect(page).toContain('retired');
  });

  it('refuses a form from another site, an empty or too long text, and an unknown entry; never a 5xx', async () => {
    const { h, app, cookie, entry } = await signedIn();
    const other = post({ text: 'Hijacked' }, { cookie, origin: 'https://evil.example' });
    expect((await app.request(`/answers/${entry.id}/edit`, other)).status).toBe(403);
    expect((await app.request(`/answers/${entry.id}/edit`, post({ text: '   ' }, { cookie }))).status).toBe(
      400,
    );
    const long = post({ text: 'x'.repeat(4_001) }, { cookie });
    expect((await app.request(`/answers/${entry.id}/edit`, long)).status).toBe(400);
    expect((await app.request(`/answers/${entry.id}/edit`, post({}, { cookie }))).status).toBe(400);
    const garbled = { ...post({}, { cookie }), body: '%%%', headers: { cookie, origin: ORIGIN } };
    expect((await app.request(`/answers/${entry.id}/edit`, garbled)).status).toBe(400);
    expect((await app.request('/answers/no-such/retire', post({}, { cookie }))).status).toBe(404);
    expect((await h.store.answers.get(entry.id))?.text).toBe(entry.text);
  });

  it('shows and changes nothing before sign-in', async () => {
    const { h, app, entry } = await signedIn();
    expect((await app.request('/answers')).status).toBe(401);
    expect((await app.request(`/answers/${entry.id}/retire`, post({}))).status).toBe(401);
    expect((await h.store.answers.get(entry.id))?.retiredAt).toBeNull();
  });
});
