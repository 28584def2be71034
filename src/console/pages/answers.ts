// The answer bank: its entries (newest first, or the closest to a search), each with a form to edit
// its text and one to retire it. The console's one page that writes, and only to the bank, never to
// a case: an entry's text is what later customers and staff are offered. A form is taken only from
// the console's own pages (sameOrigin) and from a viewer already signed in (the page's middleware).
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { AnswerEntry } from '../../core/ports.ts';
import type { ConsoleDeps, ConsoleEnv } from '../app.ts';
import { sameOrigin } from '../auth.ts';
import { shortInstant } from '../format.ts';
import { href, page } from '../layout.ts';
import { type Html, personName, topicName, type View, type Viewer } from '../view.ts';

/** The most entries a page lists. */
export const ANSWER_LIMIT = 200;
/** The longest text an edit takes (characters). */
export const ANSWER_MAX = 4_000;

/** Who edited, as the entry records it: the person signed in, else how the console was opened. */
export const editorOf = (viewer: Viewer): string =>
  viewer.kind === 'person' ? viewer.personId : viewer.kind === 'open' ? 'console' : 'console-token';

async function entriesFor(deps: ConsoleDeps, q: string, withRetired: boolean): Promise<AnswerEntry[]> {
  if (!deps.answers) return [];
  if (q.trim() !== '') {
    return (await deps.answers.similar({ text: q, limit: ANSWER_LIMIT })).map((m) => m.entry);
  }
  return deps.answers.list({ limit: ANSWER_LIMIT, withRetired });
}

function row(view: View, e: AnswerEntry): Html {
  const action = (what: string) => href(view, `/answers/${encodeURIComponent(e.id)}/${what}`);
  const retired = e.retiredAt !== null;
  return html`<tr data-entry="${e.id}">
    <td>
      <form method="post" action="${action('edit')}">
        <textarea name="text" rows="3" cols="60" maxlength="${ANSWER_MAX}" required>${e.text}</textarea>
        <button type="submit">${view.t('answers.save')}</button>
      </form>
    </td>
    <td>${topicName(view.config, e.topic, view.locale)}</td>
    <td>${e.locale}</td>
    <td>${view.t(`answers.source.${e.source}`)}</td>
    <td><a href="${href(view, `/cases/${encodeURIComponent(e.caseId)}`)}">${view.t('answers.case')}</a></td>
    <td>
      <time datetime="${e.updatedAt.toISOString()}"
        >${shortInstant(e.updatedAt, view.locale, view.timeZone)}</time
      >
      ${e.editedBy === null ? '' : html`<br /><span class="muted">${personName(view.config, e.editedBy)}</span>`}
    </td>
    <td>
      ${
        retired
          ? html`<span class="badge">${view.t('answers.retired')}</span>`
          : html`<form method="post" action="${action('retire')}">
              <button type="submit">${view.t('answers.retire')}</button>
            </form>`
      }
    </td>
  </tr>`;
}

export async function answersPage(view: View, deps: ConsoleDeps, query: URLSearchParams): Promise<Html> {
  const q = (query.get('q') ?? '').slice(0, 500);
  const withRetired = query.get('retired') === '1';
  const entries = await entriesFor(deps, q, withRetired);
  const search = html`<form method="get" action="${href(view, '/answers')}" class="filters">
    <label>${view.t('answers.search')} <input type="search" name="q" value="${q}" /></label>
    <label
      ><input type="checkbox" name="retired" value="1" ${withRetired ? 'checked' : ''} />
      ${view.t('answers.with_retired')}</label
    >
    <button type="submit">${view.t('answers.find')}</button>
  </form>`;
  const body =
    entries.length === 0
      ? html`<p class="muted">${view.t('answers.empty')}</p>`
      : html`<table>
          <thead>
            <tr>
              <th>${view.t('answers.col.text')}</th>
              <th>${view.t('col.topic')}</th>
              <th>${view.t('answers.col.language')}</th>
              <th>${view.t('answers.col.source')}</th>
              <th>${view.t('col.case')}</th>
              <th>${view.t('answers.col.updated')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((e) => row(view, e))}
          </tbody>
        </table>`;
  return page(
    view,
    { title: view.t('answers.title'), section: 'answers' },
    html`<section class="card">
      <p class="muted">${view.t('answers.intro')}</p>
      ${search}${body}
    </section>`,
  );
}

async function textOf(c: Context): Promise<string | null> {
  try {
    const body = await c.req.parseBody();
    return typeof body.text === 'string' ? body.text : null;
  } catch {
    return null;
  }
}

/** POST /answers/:id/edit (text) and /answers/:id/retire; back to the list, or a refusal. */
export function answerRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const base = deps.basePath ?? '';
  const refuse = (
    c: Context<ConsoleEnv>,
    status: 400 | 403 | 404,
    key: 'answers.forbidden' | 'answers.bad_text' | 'answers.not_found',
  ) => c.html(page(c.get('view'), { title: c.get('view').t(key), section: 'error' }, ''), status);

  app.post('/answers/:id/edit', async (c) => {
    if (!sameOrigin(c)) return refuse(c, 403, 'answers.forbidden');
    const text = (await textOf(c))?.trim() ?? '';
    if (text === '' || text.length > ANSWER_MAX) return refuse(c, 400, 'answers.bad_text');
    const view = c.get('view');
    const edited = await deps.answers?.edit(c.req.param('id'), text, editorOf(view.viewer), deps.clock.now());
    if (!edited) return refuse(c, 404, 'answers.not_found');
    deps.logger?.info('console.answer_edited', { entry: edited.id, by: editorOf(view.viewer) });
    return c.redirect(`${base}/answers`, 303);
  });

  app.post('/answers/:id/retire', async (c) => {
    if (!sameOrigin(c)) return refuse(c, 403, 'answers.forbidden');
    const view = c.get('view');
    const retired = await deps.answers?.retire(c.req.param('id'), editorOf(view.viewer), deps.clock.now());
    if (!retired) return refuse(c, 404, 'answers.not_found');
    deps.logger?.info('console.answer_retired', { entry: retired.id, by: editorOf(view.viewer) });
    return c.redirect(`${base}/answers`, 303);
  });
}
