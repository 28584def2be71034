// A change in progress: the case as it will be, plus the events, notices and timers written with
// it. Commands mutate `next` and call the helpers; the desk commits `toCommit()` atomically.
import type {
  Case,
  CaseEvent,
  DeskConfig,
  Locale,
  Notice,
  NoticeAction,
  Person,
  Recipient,
  Team,
  Timer,
} from './model.ts';
import { personOf, teamOf, topicOf } from './directory.ts';
import type { CaseChange, Ids } from './ports.ts';

export type Params = Record<string, string | number>;

export class Change {
  readonly next: Case;
  readonly events: CaseEvent[] = [];
  readonly notices: Notice[] = [];
  readonly timers: Timer[] = [];
  cancelTimers = false;
  completeTimer: CaseChange['completeTimer'];

  constructor(
    readonly before: Case,
    readonly now: Date,
    readonly ids: Ids,
    readonly config: DeskConfig,
  ) {
    this.next = structuredClone(before);
    this.next.version = before.version + 1;
    this.next.updatedAt = now;
  }

  get team(): Team {
    const team = teamOf(this.config, this.next.team);
    if (!team) throw new Error(`case ${this.next.id} names unknown team ${this.next.team}`);
    return team;
  }

  person(id: string | null): Person | undefined {
    return id === null ? undefined : personOf(this.config, id);
  }

  /** A display name for any actor: a directory person, the customer, or the id itself. */
  nameOf(id: string | null): string {
    if (id === null) return '';
    if (id === this.next.customer.id) return this.next.customer.name;
    return this.person(id)?.name ?? id;
  }

  topicName(locale: Locale): string {
    const topic = topicOf(this.config, this.next.topic);
    return topic?.names[locale] ?? topic?.names.en ?? this.next.topic;
  }

  event(type: string, actorId: string, data: Record<string, unknown> = {}): void {
    this.events.push({ id: this.ids.next(), caseId: this.next.id, at: this.now, actorId, type, data });
  }

  private notify(
    recipient: Recipient,
    locale: Locale,
    timeZone: string,
    key: string,
    params: Params,
    actions: NoticeAction['id'][],
  ): void {
    const caseId = this.next.id;
    const approvalId = this.next.approval?.status === 'pending' ? this.next.approval.id : undefined;
    this.notices.push({
      id: this.ids.next(),
      caseId,
      recipient,
      key,
      params: { number: this.next.number, ...params },
      actions: actions.map((id) =>
        approvalId !== undefined && (id === 'approve' || id === 'decline')
          ? { id, caseId, approvalId }
          : { id, caseId },
      ),
      locale,
      timeZone,
      // Same case version + position = same notice, so a replayed change never sends twice.
      dedupeKey: `${caseId}:v${this.next.version}:${this.notices.length}`,
      createdAt: this.now,
    });
  }

  toCustomer(key: string, params: Params = {}, actions: NoticeAction['id'][] = []): void {
    const { customer, conversation } = this.next;
    this.notify(
      { kind: 'customer', customerId: customer.id, conversation },
      customer.locale,
      customer.timeZone,
      key,
      { name: customer.name, ...params },
      actions,
    );
  }

  toPerson(personId: string, key: string, params: Params = {}, actions: NoticeAction['id'][] = []): void {
    const person = this.person(personId);
    const team = this.team;
    this.notify(
      { kind: 'person', personId },
      person?.locale ?? team.locale,
      person?.timeZone ?? this.next.policy.calendar.timeZone,
      key,
      params,
      actions,
    );
  }

  toSupervisors(key: string, params: Params = {}, actions: NoticeAction['id'][] = []): void {
    this.toTeam('supervisors', key, params, actions);
  }

  toTriage(key: string, params: Params = {}, actions: NoticeAction['id'][] = []): void {
    this.toTeam('triage', key, params, actions);
  }

  /** A team's shared audience, in the team's language and its calendar's zone. */
  private toTeam(
    kind: 'supervisors' | 'triage',
    key: string,
    params: Params,
    actions: NoticeAction['id'][],
  ): void {
    const { team, policy } = this.next;
    this.notify({ kind, teamId: team }, this.team.locale, policy.calendar.timeZone, key, params, actions);
  }

  /** Whoever holds the case now: its owner, or the triage queue when nobody owns it. */
  toHolder(key: string, params: Params = {}, actions: NoticeAction['id'][] = []): void {
    if (this.next.ownerId !== null) this.toPerson(this.next.ownerId, key, params, actions);
    else this.toTriage(key, params, actions);
  }

  toCommit(): CaseChange {
    const change: CaseChange = {
      case: this.next,
      expectedVersion: this.before.version,
      events: this.events,
      notices: this.notices,
      timers: this.timers,
      cancelTimers: this.cancelTimers,
    };
    if (this.completeTimer) change.completeTimer = this.completeTimer;
    return change;
  }
}
