// A change in progress: the case as it will be, plus the events, notices and timers written with
// it. Commands mutate `next` and call the helpers; the desk commits `toCommit()` atomically.
import type {
  Case,
  CaseEvent,
  CaseEventData,
  CaseEventType,
  DeskConfig,
  Locale,
  Notice,
  NoticeAction,
  Person,
  Recipient,
  Team,
  Timer,
} from './model.ts';
import { forStaffParams } from './abuse.ts';
import { personOf, teamOf, topicOf } from './directory.ts';
import type { CaseChange, Ids } from './ports.ts';
import { untouchedRecovery } from './recovery.ts';
import type { TextKey } from './texts/en.ts';
import type { Params, ParamsThen } from './texts/params.ts';

type Buttons = NoticeAction['id'][];
const INCIDENT_ACTIONS: ReadonlySet<NoticeAction['id']> = new Set([
  'declare_incident',
  'incident_update',
  'resolve_incident',
]);
/** A notice's params and buttons: `number` is the case's, filled in for every notice. */
type NoticeArgs<K extends TextKey> = ParamsThen<K, 'number', Buttons>;
/** A customer's notice's: their `name` is filled in too. */
type CustomerNoticeArgs<K extends TextKey> = ParamsThen<K, 'number' | 'name', Buttons>;

export class Change {
  readonly next: Case;
  readonly events: CaseEvent[] = [];
  readonly notices: Notice[] = [];
  readonly timers: Timer[] = [];
  cancelTimers = false;
  /** With cancelTimers: the promise whose live timers stay (see CaseChange.keepTimersOf). */
  keepTimersOf: string | null = null;
  completeTimer: CaseChange['completeTimer'];
  /** An incident written with the change (an alert at intake), see CaseChange.incident. */
  incident: CaseChange['incident'];
  /** The incident the notices' incident buttons act on. */
  incidentForActions: string | undefined;

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

  event<T extends CaseEventType>(
    type: T,
    actorId: string,
    ...[data]: Record<never, never> extends CaseEventData[T]
      ? [data?: CaseEventData[T]]
      : [data: CaseEventData[T]]
  ): void {
    const event = {
      id: this.ids.next(),
      caseId: this.next.id,
      at: this.now,
      actorId,
      type,
      data: data ?? {},
    };
    this.events.push(event as CaseEvent);
  }

  private notify(
    recipient: Recipient,
    locale: Locale,
    timeZone: string,
    key: TextKey,
    params: Params = {},
    actions: Buttons = [],
    dedupeKey?: string,
  ): void {
    const caseId = this.next.id;
    const incidentId = this.incidentForActions;
    const approvalId = this.next.approval?.status === 'pending' ? this.next.approval.id : undefined;
    // Staff read a customer's insults and threats masked and flagged; the customer's own copy and
    // the audit events keep the words as written (README "Abuse shield").
    const shown = recipient.kind === 'customer' ? params : forStaffParams(key, params);
    this.notices.push({
      id: this.ids.next(),
      caseId,
      recipient,
      key,
      params: { number: this.next.number, ...shown },
      actions: actions.map((id) =>
        approvalId !== undefined && (id === 'approve' || id === 'decline')
          ? { id, caseId, approvalId }
          : incidentId !== undefined && INCIDENT_ACTIONS.has(id)
            ? { id, caseId, incidentId }
            : { id, caseId },
      ),
      locale,
      timeZone,
      // Same case version + position = same notice, so a replayed change never sends twice.
      dedupeKey: dedupeKey ?? `${caseId}:v${this.next.version}:${this.notices.length}`,
      createdAt: this.now,
    });
  }

  toCustomer<K extends TextKey>(key: K, ...[params, actions]: CustomerNoticeArgs<K>): void {
    this.customerNotice(key, params, actions ?? []);
  }

  /**
   * To the customer under a dedupe key of the caller's (an incident update: one per update and
   * case), so a command re-run after a crash never writes the notice twice.
   */
  toCustomerOnce<K extends TextKey>(dedupeKey: string, key: K, ...[params]: CustomerNoticeArgs<K>): void {
    this.customerNotice(key, params, [], dedupeKey);
  }

  /** A notice to the customer in their language and zone, greeting them by name. */
  private customerNotice(
    key: TextKey,
    params: Params | undefined,
    actions: Buttons,
    dedupeKey?: string,
  ): void {
    const { customer, conversation } = this.next;
    this.notify(
      { kind: 'customer', customerId: customer.id, conversation },
      customer.locale,
      customer.timeZone,
      key,
      { name: customer.name, ...params },
      actions,
      dedupeKey,
    );
  }

  toPerson<K extends TextKey>(personId: string, key: K, ...[params, actions]: NoticeArgs<K>): void {
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

  toSupervisors<K extends TextKey>(key: K, ...args: NoticeArgs<K>): void {
    this.toTeam('supervisors', key, ...args);
  }

  toTriage<K extends TextKey>(key: K, ...args: NoticeArgs<K>): void {
    this.toTeam('triage', key, ...args);
  }

  /** A team's shared audience, in the team's language and its calendar's zone. */
  private toTeam<K extends TextKey>(
    kind: 'supervisors' | 'triage',
    key: K,
    ...[params, actions]: NoticeArgs<K>
  ): void {
    const { team, policy } = this.next;
    this.notify({ kind, teamId: team }, this.team.locale, policy.calendar.timeZone, key, params, actions);
  }

  /** Whoever holds the case now: its owner, or the triage queue when nobody owns it. */
  toHolder<K extends TextKey>(key: K, ...args: NoticeArgs<K>): void {
    if (this.next.ownerId !== null) this.toPerson(this.next.ownerId, key, ...args);
    else this.toTriage(key, ...args);
  }

  /**
   * One message per person per notice: a person told something directly (the holder) who is also
   * one of the team's supervisors told the same thing in this change reads it once, in the
   * supervisors' copy (it carries any decision buttons too).
   */
  private onePerPerson(): Notice[] {
    const toSupervisors = new Set(
      this.notices.filter((n) => n.recipient.kind === 'supervisors').map((n) => n.key),
    );
    if (toSupervisors.size === 0) return this.notices;
    const supervisors = new Set(this.team.supervisors);
    return this.notices.filter(
      (n) =>
        !(n.recipient.kind === 'person' && supervisors.has(n.recipient.personId) && toSupervisors.has(n.key)),
    );
  }

  toCommit(): CaseChange {
    const change: CaseChange = {
      case: this.next,
      expectedVersion: this.before.version,
      events: this.events,
      notices: this.onePerPerson(),
      timers: this.timers,
      cancelTimers: this.cancelTimers,
    };
    const keep = this.keepTimersOf ?? untouchedRecovery(this);
    if (this.cancelTimers && keep !== null) change.keepTimersOf = keep;
    if (this.completeTimer) change.completeTimer = this.completeTimer;
    if (this.incident) change.incident = this.incident;
    return change;
  }
}
