// A sink that shows each notice as its recipient would read it: who reads it, the rendered text
// and its buttons. `npm start` prints notices with it when no chat platform is configured, and the
// demo prints its story with it.
import type { ClaimedNotice, Directory, Locale } from '../core/model.ts';
import type { NoticeSink } from '../core/ports.ts';
import { actionLabelKey, renderText } from '../core/texts/index.ts';

/** How the console names who reads a message. */
export interface RecipientLabels {
  customerLabel: (name: string) => string;
  personLabel: (name: string) => string;
  supervisorsLabel: (team: string, names: string) => string;
  triageLabel: (team: string) => string;
}

export const RECIPIENT_LABELS: Readonly<Record<Locale, RecipientLabels>> = {
  en: {
    customerLabel: (n) => `${n} (customer, DM)`,
    personLabel: (n) => `${n} (direct message)`,
    supervisorsLabel: (t, n) => `Supervisors of ${t} (${n})`,
    triageLabel: (t) => `Triage channel of ${t}`,
  },
  fr: {
    customerLabel: (n) => `${n} (client, message direct)`,
    personLabel: (n) => `${n} (message direct)`,
    supervisorsLabel: (t, n) => `Superviseurs de ${t} (${n})`,
    triageLabel: (t) => `Canal de tri de ${t}`,
  },
  lt: {
    customerLabel: (n) => `${n} (klientas, asmeninė žinutė)`,
    personLabel: (n) => `${n} (asmeninė žinutė)`,
    supervisorsLabel: (t, n) => `${t} vadovai (${n})`,
    triageLabel: (t) => `${t} rūšiavimo kanalas`,
  },
};

export function renderNotice(
  notice: ClaimedNotice,
  directory: Directory,
  labelLocale: Locale,
  customerName: string,
): string {
  const n = RECIPIENT_LABELS[labelLocale];
  const r = notice.recipient;
  const team = (id: string) => directory.teams[id];
  const who =
    r.kind === 'customer'
      ? n.customerLabel(customerName)
      : r.kind === 'person'
        ? n.personLabel(directory.people[r.personId]?.name ?? r.personId)
        : r.kind === 'supervisors'
          ? n.supervisorsLabel(
              team(r.teamId)?.name ?? r.teamId,
              (team(r.teamId)?.supervisors ?? []).map((id) => directory.people[id]?.name ?? id).join(', '),
            )
          : n.triageLabel(team(r.teamId)?.name ?? r.teamId);
  const options = { locale: notice.locale, timeZone: notice.timeZone, params: notice.params };
  const text = renderText(notice.key, options);
  const buttons = notice.actions.map((a) => `[${renderText(actionLabelKey(a.id), options)}]`).join(' ');
  const body = text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `  → ${who}\n${body}${buttons ? `\n    ${buttons}` : ''}`;
}

export function consoleSink(
  directory: Directory,
  options: {
    labelLocale: Locale;
    print: (text: string) => void;
    customerName: (notice: ClaimedNotice) => string;
  },
): NoticeSink & { delivered: number } {
  const sink = {
    delivered: 0,
    async deliver(notice: ClaimedNotice) {
      options.print(renderNotice(notice, directory, options.labelLocale, options.customerName(notice)));
      sink.delivered += 1;
      return { status: 'sent' as const };
    },
  };
  return sink;
}
