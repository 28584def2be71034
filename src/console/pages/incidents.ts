// Incidents: each team's, newest first (alerted, open, resolved), and one incident's page with its
// linked cases and the updates sent to every linked customer. Read only, like every console page.
import { html } from 'hono/html';
import type { Incident } from '../../core/model.ts';
import type { ConsoleDeps } from '../app.ts';
import { shortInstant } from '../format.ts';
import { href, page } from '../layout.ts';
import { type Html, personName, teamName, topicName, type View } from '../view.ts';
import { caseLink, statusLabel } from './parts.ts';
import { shorten } from './queues.ts';

/** The most incidents listed, and the most cases shown on an incident's page. */
export const INCIDENT_LIMIT = 200;

const at = (view: View, d: Date): Html =>
  html`<time datetime="${d.toISOString()}">${shortInstant(d, view.locale, view.timeZone)}</time>`;

const stateOf = (view: View, i: Incident): string => view.t(`incidents.status.${i.status}`);

const titleOf = (view: View, i: Incident): string => i.title || view.t('incidents.untitled');

export async function incidentsPage(view: View, deps: ConsoleDeps): Promise<Html> {
  const found = deps.incidents ? await deps.incidents.listIncidents({ limit: INCIDENT_LIMIT }) : [];
  const rows = found.map(
    (i) =>
      html`<tr data-incident="${i.id}">
        <td><a href="${href(view, `/incidents/${encodeURIComponent(i.id)}`)}">${titleOf(view, i)}</a></td>
        <td>${teamName(view.config, i.team)}</td>
        <td>${topicName(view.config, i.topic, view.locale)}</td>
        <td>${stateOf(view, i)}</td>
        <td>${at(view, i.alertedAt)}</td>
        <td class="num">${i.updates.length}</td>
      </tr>`,
  );
  const body =
    rows.length === 0
      ? html`<p class="muted">${view.t('incidents.empty')}</p>`
      : html`<table>
          <thead>
            <tr>
              <th>${view.t('incidents.col.title')}</th>
              <th>${view.t('incidents.col.team')}</th>
              <th>${view.t('col.topic')}</th>
              <th>${view.t('col.status')}</th>
              <th>${view.t('incidents.col.since')}</th>
              <th class="num">${view.t('incidents.col.updates')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`;
  return page(
    view,
    { title: view.t('incidents.title'), section: 'incidents' },
    html`<section class="card">${body}</section>`,
  );
}

export async function incidentPage(
  view: View,
  deps: ConsoleDeps,
  id: string,
): Promise<{ status: 200 | 404; body: Html }> {
  const incident = deps.incidents ? await deps.incidents.getIncident(id) : null;
  if (!incident) {
    const title = view.t('error.not_found');
    return { status: 404, body: page(view, { title, section: 'error' }, '') };
  }
  const cases = await deps.cases.listCases({ incidentId: incident.id, limit: INCIDENT_LIMIT });
  const caseRows = cases.map(
    (c) =>
      html`<tr data-case="${c.id}">
        <td>${caseLink(view, c)}</td>
        <td>${c.customer.name}</td>
        <td class="request">${shorten(c.words)}</td>
        <td>${statusLabel(view, c)}</td>
        <td class="num">${c.incident?.updatesTold ?? 0} / ${incident.updates.length}</td>
      </tr>`,
  );
  const updates = incident.updates.map(
    (u) =>
      html`<li>
        ${at(view, u.at)} · ${personName(view.config, u.by)}
        <p>${u.text}</p>
      </li>`,
  );
  const facts = html`<p>
      ${teamName(view.config, incident.team)} · ${topicName(view.config, incident.topic, view.locale)} ·
      ${stateOf(view, incident)} · ${view.t('incidents.alerted', { count: incident.burst })}
      ${at(view, incident.alertedAt)}
      ${
        incident.declaredAt
          ? html` · ${view.t('incidents.declared_by', { name: personName(view.config, incident.declaredBy) })}
            ${at(view, incident.declaredAt)}`
          : ''
      }
    </p>
    <p class="request">${incident.words}</p>
    ${incident.summary ? html`<p>${view.t('incidents.summary')}: ${incident.summary}</p>` : ''}`;
  const body = html`<section class="card">${facts}</section>
    <section class="card" data-part="cases">
      <h2>${view.t('incidents.cases', { count: cases.length })}</h2>
      <table>
        <thead>
          <tr>
            <th>${view.t('col.case')}</th>
            <th>${view.t('col.customer')}</th>
            <th>${view.t('col.request')}</th>
            <th>${view.t('col.status')}</th>
            <th class="num">${view.t('incidents.col.told')}</th>
          </tr>
        </thead>
        <tbody>
          ${caseRows}
        </tbody>
      </table>
    </section>
    <section class="card" data-part="updates">
      <h2>${view.t('incidents.updates', { count: incident.updates.length })}</h2>
      ${
        updates.length === 0
          ? html`<p class="muted">${view.t('incidents.no_updates')}</p>`
          : html`<ol>
              ${updates}
            </ol>`
      }
    </section>`;
  return { status: 200, body: page(view, { title: titleOf(view, incident), section: 'incidents' }, body) };
}
