// The web console: server-rendered pages for supervisors (teams' queues, open promises, a case's
// whole timeline, reports with charts) and CSV exports. It reads the store's ReportReads and the
// case list only, never the desk: it changes nothing. Time comes from deps.clock and settings from
// deps, so the playground can mount it with a simulated clock and an in-memory store.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppConfig } from '../config/load-config.ts';
import type { AnswerBank, CaseRepository, Clock, IncidentRepository, ReportReads } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { serveAsset } from './assets.ts';
import { type ConsoleAuth, readSession } from './auth.ts';
import { exportRoutes } from './export.ts';
import { pickLocale } from './format.ts';
import { page } from './layout.ts';
import { answerRoutes, answersPage } from './pages/answers.ts';
import { incidentPage, incidentsPage } from './pages/incidents.ts';
import { casePage } from './pages/case.ts';
import { promisesPage } from './pages/promises.ts';
import { queuesPage } from './pages/queues.ts';
import { reportsPage } from './pages/reports.ts';
import { signInPage, signInRoutes } from './pages/sign-in.ts';
import { makeView, teamZone, type View, type Viewer } from './view.ts';

export interface ConsoleDeps {
  reports: ReportReads;
  /** Read only: the open cases of the queues and promises pages. */
  cases: Pick<CaseRepository, 'listCases' | 'getCase'>;
  /** Read only: the incidents pages (none listed without it). */
  incidents?: Pick<IncidentRepository, 'listIncidents' | 'getIncident'>;
  /** The answer bank page: its entries listed, searched, edited and retired (none without it). */
  answers?: AnswerBank;
  config: AppConfig;
  clock: Clock;
  auth: ConsoleAuth;
  /** Where the console is mounted in a larger app, e.g. '/console'; '' (the default) at the root. */
  basePath?: string;
  /** The zone instants are shown in when the viewer has none: the first team's calendar, else UTC. */
  timeZone?: string;
  /** Countdowns tick down in the browser between page loads (default true; off for a simulated clock). */
  liveCountdown?: boolean;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export type ConsoleEnv = { Variables: { view: View; deps: ConsoleDeps } };

const LANG_COOKIE = 'ladder_console_lang';
/** Longer URLs are refused before any work (a page link is never near this). */
const MAX_URL_LENGTH = 4_096;

function defaultZone(config: AppConfig): string {
  const first = Object.keys(config.desk.directory.teams)[0];
  return (first && teamZone(config, first)) || 'UTC';
}

function viewerZone(deps: ConsoleDeps, viewer: Viewer): string {
  if (viewer.kind === 'person') {
    const zone = deps.config.desk.directory.people[viewer.personId]?.timeZone;
    if (zone) return zone;
  }
  return deps.timeZone ?? defaultZone(deps.config);
}

/** The view of a request, before sign-in is known (the viewer is filled in by `signedIn`). */
function viewFor(c: Context<ConsoleEnv>, deps: ConsoleDeps, viewer: Viewer): View {
  const query = c.req.query('lang');
  const locale = pickLocale(query, getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
  return makeView({
    locale,
    timeZone: viewerZone(deps, viewer),
    now: deps.clock.now(),
    base: deps.basePath ?? '',
    path: c.req.path,
    viewer,
    config: deps.config,
    liveCountdown: deps.liveCountdown ?? true,
  });
}

export function createConsoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const base = deps.basePath ?? '';

  app.use('*', async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) return c.text('URL too long\n', 414);
    const anonymous: Viewer = deps.auth.mode === 'open' ? { kind: 'open' } : { kind: 'anonymous' };
    c.set('deps', deps);
    c.set('view', viewFor(c, deps, anonymous));
    const lang = c.req.query('lang');
    if (lang !== undefined && lang === c.get('view').locale)
      setCookie(c, LANG_COOKIE, lang, { path: base || '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer Chromium posts forms with `Origin: null`.
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
    );
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  });

  // The console's forms are a token or a link: a few hundred bytes.
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('request body too large\n', 413) }));
  app.get('/assets/:file', (c) => serveAsset(c, c.req.param('file')));
  signInRoutes(app, deps);

  // Everything below needs a viewer: the playground's open mode, or a valid session.
  app.use('*', async (c, next) => {
    if (deps.auth.mode === 'open') return next();
    const viewer = readSession(c, deps.auth.secret, deps.clock.now());
    if (!viewer) {
      const view = c.get('view');
      return c.html(signInPage(view, { next: c.req.path + queryOf(c) }), 401);
    }
    c.set('view', viewFor(c, deps, viewer));
    return next();
  });

  app.get('/', (c) => c.redirect(`${base}/queues`, 303));
  app.get('/queues', async (c) => c.html(await queuesPage(c.get('view'), deps)));
  app.get('/promises', async (c) => c.html(await promisesPage(c.get('view'), deps)));
  app.get('/cases/:id', async (c) => {
    const { status, body } = await casePage(c.get('view'), deps, c.req.param('id'));
    return c.html(body, status);
  });
  app.get('/reports', async (c) =>
    c.html(await reportsPage(c.get('view'), deps, new URL(c.req.url).searchParams)),
  );
  app.get('/incidents', async (c) => c.html(await incidentsPage(c.get('view'), deps)));
  app.get('/incidents/:id', async (c) => {
    const { status, body } = await incidentPage(c.get('view'), deps, c.req.param('id'));
    return c.html(body, status);
  });
  app.get('/answers', async (c) =>
    c.html(await answersPage(c.get('view'), deps, new URL(c.req.url).searchParams)),
  );
  answerRoutes(app, deps);
  exportRoutes(app, deps);

  app.notFound((c) => {
    const view = c.get('view') as View | undefined;
    if (!view) return c.text('not found\n', 404);
    return c.html(page(view, { title: view.t('error.not_found'), section: 'error' }, ''), 404);
  });
  app.onError((error, c) => {
    deps.logger?.error('console.failed', { path: c.req.path, error: error.message });
    const view = c.get('view') as View | undefined;
    if (!view) return c.text('failed\n', 500);
    return c.html(page(view, { title: view.t('error.failed'), section: 'error' }, ''), 500);
  });
  return app;
}

function queryOf(c: Context): string {
  const search = new URL(c.req.url).search;
  return search.length > 1 ? search : '';
}
