// Signing in: the token form, a supervisor's one-time link (opened with GET, spent with the
// button's POST, so a link preview that fetches it does not use it up), and signing out. Every
// refusal is a page that says what to do, with 401 or 403.
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { ConsoleDeps, ConsoleEnv } from '../app.ts';
import { endSession, safeNext, sameOrigin, startSession } from '../auth.ts';
import { href, page } from '../layout.ts';
import { sameSecret } from '../signed.ts';
import { checkSignInLink, linkKey } from '../sign-in.ts';
import type { ConsoleTextKey } from '../texts.ts';
import type { Html, View } from '../view.ts';

export function signInPage(
  view: View,
  options: { next?: string | undefined; problem?: ConsoleTextKey } = {},
): Html {
  const body = html`${options.problem ? html`<p class="alert" role="alert">${view.t(options.problem)}</p>` : ''}
    <form class="sign-in" method="post" action="${href(view, '/sign-in')}">
      <label for="token">${view.t('signin.token_label')}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
      <input type="hidden" name="next" value="${safeNext(options.next, view.base)}" />
      <button type="submit">${view.t('signin.submit')}</button>
      <p class="muted">${view.t('signin.help')}</p>
    </form>`;
  return page(view, { title: view.t('signin.title'), section: 'sign-in', signedIn: false }, body);
}

function linkPage(view: View, token: string): Html {
  const body = html`<form class="sign-in" method="post" action="${href(view, '/sign-in/link')}">
    <p>${view.t('signin.link_intro')}</p>
    <input type="hidden" name="t" value="${token}" />
    <button type="submit">${view.t('signin.submit')}</button>
  </form>`;
  return page(view, { title: view.t('signin.link_title'), section: 'sign-in', signedIn: false }, body);
}

/** A refusal that says what to do: the token form under it, so the way on is right there. */
const refused = (view: View, problem: ConsoleTextKey): Html => signInPage(view, { problem });

/** The posted form's text fields; empty when the body is not a form (a field sent twice is dropped). */
async function formOf(c: Context): Promise<Record<string, string>> {
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export function signInRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const base = deps.basePath ?? '';
  const { auth } = deps;

  app.get('/sign-in', (c) => {
    if (auth.mode === 'open') return c.redirect(`${base}/queues`, 303);
    return c.html(signInPage(c.get('view'), { next: c.req.query('next') }));
  });

  app.post('/sign-in', async (c) => {
    const view = c.get('view');
    if (auth.mode === 'open') return c.redirect(`${base}/queues`, 303);
    if (!sameOrigin(c)) return c.html(refused(view, 'signin.forbidden'), 403);
    const { token, next } = await formOf(c);
    if (!sameSecret(token, auth.token)) {
      deps.logger?.warn('console.sign_in_refused', { how: 'token' });
      return c.html(signInPage(view, { next, problem: 'signin.wrong_token' }), 401);
    }
    startSession(c, auth, { kind: 'token' }, deps.clock.now(), base);
    deps.logger?.info('console.signed_in', { how: 'token' });
    return c.redirect(safeNext(next, base), 303);
  });

  app.get('/sign-in/link', (c) => {
    const view = c.get('view');
    if (auth.mode === 'open') return c.redirect(`${base}/queues`, 303);
    const token = c.req.query('t');
    const check = checkSignInLink(auth.secret, deps.config, token, deps.clock.now());
    if (!check.ok)
      return c.html(refused(view, `signin.link_${check.reason}`), check.reason === 'bad' ? 401 : 403);
    return c.html(linkPage(view, token ?? ''));
  });

  app.post('/sign-in/link', async (c) => {
    const view = c.get('view');
    if (auth.mode === 'open') return c.redirect(`${base}/queues`, 303);
    if (!sameOrigin(c)) return c.html(refused(view, 'signin.forbidden'), 403);
    const now = deps.clock.now();
    const check = checkSignInLink(auth.secret, deps.config, (await formOf(c)).t, now);
    if (!check.ok) {
      deps.logger?.warn('console.sign_in_refused', { how: 'link', reason: check.reason });
      return c.html(refused(view, `signin.link_${check.reason}`), check.reason === 'bad' ? 401 : 403);
    }
    // Spent in the shared store, so a link signs in once whichever replica it reaches.
    if (!(await auth.inbound.remember(linkKey(check.nonce), now))) {
      deps.logger?.warn('console.sign_in_refused', { how: 'link', reason: 'used' });
      return c.html(refused(view, 'signin.link_used'), 403);
    }
    startSession(c, auth, { kind: 'person', personId: check.personId }, now, base);
    deps.logger?.info('console.signed_in', { how: 'link', person: check.personId });
    return c.redirect(`${base}/queues`, 303);
  });

  app.post('/sign-out', (c) => {
    if (!sameOrigin(c)) return c.html(refused(c.get('view'), 'signin.forbidden'), 403);
    endSession(c, base);
    return c.redirect(auth.mode === 'open' ? `${base}/queues` : `${base}/sign-in`, 303);
  });
}
