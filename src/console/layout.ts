// The page shell every console page shares: header, navigation, language switch, and the
// console's small stylesheet and script (served from its own routes: the console needs no network).
import { html, raw } from 'hono/html';
import { LOCALES, type Locale } from '../core/model.ts';
import { personName, type Html, type View } from './view.ts';

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', lt: 'Lietuvių' };

export type Section =
  'queues' | 'promises' | 'reports' | 'incidents' | 'answers' | 'case' | 'sign-in' | 'error';

/** A link to a console path, with the mount prefix. */
export const href = (view: Pick<View, 'base'>, path: string): string => `${view.base}${path}`;

function who(view: View): string {
  const { viewer } = view;
  if (viewer.kind === 'open') return view.t('signed_in.open');
  if (viewer.kind === 'token') return view.t('signed_in.token');
  if (viewer.kind === 'anonymous') return '';
  return view.t('signed_in.person', { name: personName(view.config, viewer.personId) });
}

function nav(view: View, section: Section): Html {
  const item = (target: Section, path: string, label: string) =>
    html`<a href="${href(view, path)}" ${raw(section === target ? 'aria-current="page"' : '')}>${label}</a>`;
  return html`<nav aria-label="main">
    ${item('queues', '/queues', view.t('nav.queues'))}
    ${item('promises', '/promises', view.t('nav.promises'))}
    ${item('reports', '/reports', view.t('nav.reports'))}
    ${item('incidents', '/incidents', view.t('nav.incidents'))}
    ${item('answers', '/answers', view.t('nav.answers'))}
  </nav>`;
}

/** The language switch keeps the page and its other query parameters. */
function languages(view: View, query: URLSearchParams): Html {
  const links = LOCALES.map((locale) => {
    const q = new URLSearchParams(query);
    q.set('lang', locale);
    const current = locale === view.locale ? raw('aria-current="true"') : '';
    return html`<a href="${view.path}?${q.toString()}" hreflang="${locale}" lang="${locale}" ${current}
      >${LANGUAGE_NAMES[locale]}</a
    >`;
  });
  return html`<div class="languages" role="group" aria-label="${view.t('nav.language')}">${links}</div>`;
}

export function page(
  view: View,
  options: {
    title: string;
    section: Section;
    query?: URLSearchParams;
    signedIn?: boolean;
    scripts?: string[];
  },
  body: Html | string,
): Html {
  const signedIn = options.signedIn ?? true;
  const scripts = options.scripts ?? [];
  return html`<!doctype html>
    <html lang="${view.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${view.t('app.title')}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${href(view, '/assets/console.css')}" />
        ${
          scripts.includes('uplot')
            ? html`<link rel="stylesheet" href="${href(view, '/assets/uPlot.min.css')}" />`
            : ''
        }
      </head>
      <body data-section="${options.section}">
        <header>
          <a class="brand" href="${href(view, '/queues')}">${view.t('app.title')}</a>
          ${signedIn ? nav(view, options.section) : ''}
          <div class="who">
            ${signedIn ? html`<span>${who(view)}</span>` : ''}
            ${
              signedIn && view.viewer.kind !== 'open'
                ? html`<form method="post" action="${href(view, '/sign-out')}">
                    <button type="submit" class="link">${view.t('nav.sign_out')}</button>
                  </form>`
                : ''
            }
          </div>
          ${languages(view, options.query ?? new URLSearchParams())}
        </header>
        <main>
          <h1>${options.title}</h1>
          ${body}
        </main>
        ${jsonData('console-words', {
          in: view.t('time.in'),
          overdueBy: view.t('time.overdue_by'),
          day: view.t('unit.day'),
          hour: view.t('unit.hour'),
          minute: view.t('unit.minute'),
          second: view.t('unit.second'),
        })}
        ${scripts.includes('uplot') ? html`<script src="${href(view, '/assets/uPlot.iife.min.js')}"></script>` : ''}
        <script src="${href(view, '/assets/console.js')}"></script>
      </body>
    </html>`;
}

/** Data for the page's script, as JSON that cannot close the script element it sits in. */
export function jsonData(id: string, data: unknown): Html {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
  return html`<script type="application/json" id="${id}">
    ${raw(json)}
  </script>`;
}
