// The desk's incident commands: declare, post an update, resolve. An incident spans cases, and
// each case changes in its own transaction with its notices (the link, each update, the
// resolution): the incident row is written first, then the cases one by one. Every step is
// idempotent (a linked case is not linked again, a case told an update is not told it again, a
// resolved case is not resolved again), so a command interrupted half way is finished by running
// it again, or by the next command on the incident: each first brings every linked case up to
// the incident as stored (settle).
import type { Change } from './change.ts';
import { alertIncident, linkToIncident, tellUpdates } from './commands/incident-actions.ts';
import { optionalText, requireText } from './commands/guards.ts';
import { resolveCase } from './commands/resolve-case.ts';
import { teamOf } from './directory.ts';
import { CoreError } from './errors.ts';
import { casesToLink, decideAtIntake, incidentFor, similarityOf } from './incidents.ts';
import { ACTIVE_STATUSES, type Case, type DeskConfig, type Incident } from './model.ts';
import type { CaseRepository, Clock, Ids, IncidentRepository } from './ports.ts';
import { type Actor, requireRole } from './roles.ts';

/** What a case on the desk does to run a command on one case (desk.ts's mutate). */
type Mutate<R> = (caseId: string, apply: (change: Change) => void | boolean) => Promise<R>;

interface IncidentDeskDeps<R> {
  cases: CaseRepository;
  incidents: IncidentRepository;
  clock: Clock;
  ids: Ids;
  config: DeskConfig;
  mutate: Mutate<R>;
}

/** What an incident command returns: the incident as stored, and each case change it made. */
export interface IncidentResult<R> {
  incident: Incident;
  changed: R[];
}

const MAX_LINKED = 1000;
/** The most recent cases of a topic read at intake to see a burst (more when the threshold is high). */
const RECENT_READ = 100;

/** The new case's incident step at intake, decided before its transaction (see desk.ts). */
export async function incidentAtIntake(
  deps: { cases: CaseRepository; incidents: IncidentRepository; config: DeskConfig; ids: Ids },
  draft: Pick<Case, 'team' | 'topic' | 'words'>,
  now: Date,
): Promise<(change: Change) => void> {
  const team = teamOf(deps.config, draft.team);
  const settings = team?.incidents;
  // Detection off for the team: no incident is looked for (nothing to join, nothing to alert).
  if (!settings) return () => {};
  const incidents = await deps.incidents.listIncidents({
    team: draft.team,
    topic: draft.topic,
    statuses: ['alerted', 'open'],
    limit: 50,
  });
  // The recent cases are read only when they can matter: not when the words join or match a
  // standing incident. At most RECENT_READ of them (newest first): a burst shows among those.
  const known = incidentFor(incidents, draft.words, similarityOf(team), now);
  const recent = known
    ? []
    : await deps.cases.listCases({
        team: draft.team,
        topic: draft.topic,
        createdSince: new Date(now.getTime() - settings.withinMinutes * 60_000),
        newestFirst: true,
        limit: Math.max(RECENT_READ, settings.threshold * 4),
      });
  const decision = decideAtIntake(team, draft.words, incidents, recent, now);
  if (decision.kind === 'join') return (change) => linkToIncident(change, decision.incident, 'system');
  if (decision.kind === 'alert' && settings) {
    const incident = newIncident(deps.ids.next(), draft, now, decision.count);
    return (change) => alertIncident(change, incident, settings.withinMinutes);
  }
  return () => {};
}

function newIncident(id: string, from: Pick<Case, 'team' | 'topic' | 'words'>, now: Date, burst: number) {
  const incident: Incident = {
    id,
    team: from.team,
    topic: from.topic,
    status: 'alerted',
    title: '',
    words: from.words,
    burst,
    alertedAt: now,
    declaredAt: null,
    declaredBy: null,
    updates: [],
    resolvedAt: null,
    summary: '',
    version: 1,
  };
  return incident;
}

export function incidentCommands<R>(deps: IncidentDeskDeps<R>) {
  const { cases, incidents, clock, ids, config, mutate } = deps;

  const actorOf = (actor: unknown): Actor =>
    typeof actor === 'object' && actor !== null && typeof (actor as Actor).id === 'string'
      ? (actor as Actor)
      : { id: '' };

  /** A supervisor of the case's team, or `forbidden`. */
  const requireSupervisor = (actor: Actor, c: Case) => requireRole(actor.id, c, config, ['supervisor']);

  async function loadIncident(incidentId: unknown): Promise<Incident> {
    const found = typeof incidentId === 'string' ? await incidents.getIncident(incidentId) : null;
    if (!found) throw new CoreError('not_found', 'error.incident_not_found');
    return found;
  }

  async function loadCase(caseId: unknown): Promise<Case> {
    const found = typeof caseId === 'string' ? await cases.getCase(caseId) : null;
    if (!found) throw new CoreError('not_found', 'error.not_found', { number: '?' });
    return found;
  }

  /** A case of the incident's team that stands for it in role checks: any linked one, or `from`. */
  async function caseOf(incident: Incident, from?: Case): Promise<Case> {
    if (from) return from;
    const [linked] = await cases.listCases({ incidentId: incident.id, limit: 1 });
    if (!linked) throw new CoreError('not_found', 'error.incident_not_found');
    return linked;
  }

  /** Every linked case brought up to the incident: the updates it missed; resolved if it is over. */
  async function settle(incident: Incident, actor: Actor): Promise<R[]> {
    const changed: R[] = [];
    const linked = await cases.listCases({ incidentId: incident.id, limit: MAX_LINKED });
    for (const c of linked) {
      const over = incident.status === 'resolved' && ACTIVE_STATUSES.includes(c.status);
      const behind = (c.incident?.updatesTold ?? 0) < incident.updates.length;
      if (!over && !behind) continue;
      changed.push(
        await mutate(c.id, (change) => {
          const told = tellUpdates(change, incident);
          if (incident.status === 'resolved' && ACTIVE_STATUSES.includes(change.next.status)) {
            resolveCase(change, actor, incident.summary, undefined, incident.id);
            return true;
          }
          return told;
        }),
      );
    }
    return changed;
  }

  /** The alert standing for the case's burst, if any: declaring from the case opens it. */
  async function alertedFor(c: Case, now: Date): Promise<Incident | null> {
    const alerted = await incidents.listIncidents({
      team: c.team,
      topic: c.topic,
      statuses: ['alerted'],
      limit: 50,
    });
    return incidentFor(alerted, c.words, similarityOf(teamOf(config, c.team)), now) ?? null;
  }

  async function save(next: Incident, before: Incident | null): Promise<Incident> {
    await incidents.saveIncident({ incident: next, expectedVersion: before?.version ?? null });
    return next;
  }

  /**
   * A supervisor declares an incident: from an alert (`incidentId`), or from a case of theirs
   * (`caseId` alone). The team's active cases on its topic with alike words are linked, each
   * customer told in their language. Declaring an incident already open links the ones still to
   * link (a re-run).
   */
  async function declareIncident(input: {
    caseId: string;
    incidentId?: string;
    actor: Actor;
    title: string;
  }): Promise<IncidentResult<R>> {
    const actor = actorOf(input.actor);
    const from = await loadCase(input.caseId);
    requireSupervisor(actor, from);
    const title = requireText(input.title);
    const now = clock.now();
    let incident =
      input.incidentId !== undefined
        ? await loadIncident(input.incidentId)
        : from.incident
          ? await loadIncident(from.incident.id)
          : await alertedFor(from, now);
    if (incident && incident.team !== from.team) throw new CoreError('not_found', 'error.incident_not_found');
    if (incident?.status === 'resolved') throw new CoreError('invalid_state', 'error.incident_over');
    if (incident === null) {
      incident = await save(
        {
          ...newIncident(ids.next(), from, now, 0),
          status: 'open',
          title,
          declaredAt: now,
          declaredBy: actor.id,
        },
        null,
      );
    } else if (incident.status === 'alerted') {
      const before = incident;
      incident = await save(
        {
          ...before,
          status: 'open',
          title,
          declaredAt: now,
          declaredBy: actor.id,
          version: before.version + 1,
        },
        before,
      );
    }
    const open = incident;
    const active = await cases.listCases({
      team: open.team,
      topic: open.topic,
      statuses: ACTIVE_STATUSES,
      limit: MAX_LINKED,
    });
    const toLink = casesToLink(open, teamOf(config, open.team), active);
    if (
      from.incident === null &&
      ACTIVE_STATUSES.includes(from.status) &&
      !toLink.some((c) => c.id === from.id)
    ) {
      toLink.unshift(from);
    }
    const changed: R[] = [];
    let first = true;
    for (const c of toLink) {
      const announce = first;
      first = false;
      changed.push(
        await mutate(c.id, (change) => {
          if (change.next.incident !== null) return false;
          linkToIncident(change, open, actor.id);
          if (announce) {
            change.incidentForActions = open.id;
            change.toSupervisors(
              'supervisors.incident_declared',
              { title: open.title, supervisorName: change.nameOf(actor.id), count: toLink.length },
              ['incident_update', 'resolve_incident'],
            );
          }
          return true;
        }),
      );
    }
    return { incident: open, changed: [...changed, ...(await settle(open, actor))] };
  }

  /** A supervisor's update, sent once to each linked customer, in their language and zone. */
  async function postIncidentUpdate(input: {
    incidentId: string;
    actor: Actor;
    text: string;
  }): Promise<IncidentResult<R>> {
    const actor = actorOf(input.actor);
    const before = await loadIncident(input.incidentId);
    requireSupervisor(actor, await caseOf(before));
    const text = requireText(input.text);
    if (before.status !== 'open') throw new CoreError('invalid_state', 'error.incident_over');
    const update = { id: ids.next(), text, at: clock.now(), by: actor.id };
    const incident = await save(
      { ...before, updates: [...before.updates, update], version: before.version + 1 },
      before,
    );
    return { incident, changed: await settle(incident, actor) };
  }

  /**
   * A supervisor resolves the incident: each linked case still active is resolved as one case is
   * (resolveCase: the summary, the customer asked to confirm), once. On an incident already
   * resolved it finishes the cases a crash left (a re-run).
   */
  async function resolveIncident(input: {
    incidentId: string;
    actor: Actor;
    summary?: string;
  }): Promise<IncidentResult<R>> {
    const actor = actorOf(input.actor);
    const before = await loadIncident(input.incidentId);
    requireSupervisor(actor, await caseOf(before));
    const incident =
      before.status === 'resolved'
        ? before
        : await save(
            {
              ...before,
              status: 'resolved',
              summary: optionalText(input.summary),
              resolvedAt: clock.now(),
              version: before.version + 1,
            },
            before,
          );
    return { incident, changed: await settle(incident, actor) };
  }

  return { declareIncident, postIncidentUpdate, resolveIncident };
}
