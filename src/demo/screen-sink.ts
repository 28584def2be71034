// A sink that shows each notice as its recipient would read it: rendered text and buttons.
// The demo prints it; `npm start` uses it when no chat platform is configured.
import type { ClaimedNotice, Directory, Locale } from '../core/model.ts';
import { actionLabelKey, isTextKey, renderText } from '../core/texts/index.ts';
import type { NoticeSink } from '../jobs/outbox.ts';
import { NARRATION } from './narration.ts';

export function renderNotice(
  notice: ClaimedNotice,
  directory: Directory,
  labelLocale: Locale,
  customerName: string,
): string {
  const n = NARRATION[labelLocale];
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
  const text = isTextKey(notice.key)
    ? renderText(notice.key, options)
    : `${notice.key} ${JSON.stringify(notice.params)}`;
  const buttons = notice.actions.map((a) => `[${renderText(actionLabelKey(a.id), options)}]`).join(' ');
  const body = text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `  → ${who}\n${body}${buttons ? `\n    ${buttons}` : ''}`;
}

export function screenSink(
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
