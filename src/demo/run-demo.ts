// `npm run demo [-- --locale fr|lt|en]`: the whole ladder on the embedded SQLite store with a
// simulated clock, printing what each person sees, in order. Everything runs through the real
// desk, store, sweeps and outbox dispatcher; only the clock is simulated.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { createDesk } from '../core/desk.ts';
import { LOCALES, type Locale } from '../core/model.ts';
import { formatInstant } from '../core/texts/index.ts';
import { dispatchOnce } from '../jobs/dispatch-notices.ts';
import { memoryLogger } from '../log.ts';
import { sqliteFilePath } from '../store/database-url.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { NARRATION } from './narration.ts';
import { consoleSink } from '../platform/console-sink.ts';
import { SimulatedClock } from '../simulated-clock.ts';

const { values } = parseArgs({
  options: {
    locale: { type: 'string', default: 'en' },
    config: { type: 'string', default: 'config/support.example.yaml' },
    database: { type: 'string', default: 'file:./data/demo.db' },
  },
});
const locale = values.locale as Locale;
if (!LOCALES.includes(locale)) {
  console.error(`Unknown locale "${values.locale}". Choose one of: ${LOCALES.join(', ')}.`);
  process.exit(2);
}

const app = loadConfig(values.config);
// The demo speaks one language throughout: everyone reads in the chosen locale.
for (const person of Object.values(app.desk.directory.people)) (person as { locale: Locale }).locale = locale;
for (const team of Object.values(app.desk.directory.teams)) (team as { locale: Locale }).locale = locale;

// Every run starts from an empty database.
const dbFile = sqliteFilePath(values.database);
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
const store: Store = await openStore({ databaseUrl: values.database });
const clock = new SimulatedClock(new Date('2026-11-23T08:00:00Z')); // Monday 10:00 in Vilnius
let n = 0;
const desk = createDesk({
  store,
  clock,
  ids: { next: () => `demo-${++n}` },
  config: app.desk,
});
const say = NARRATION[locale];
const customer = {
  id: 'slack:T0ACME:U09EGLE',
  name: locale === 'fr' ? 'Camille' : 'Eglė',
  locale,
  timeZone: 'Europe/Vilnius',
};
const sink = consoleSink(app.desk.directory, {
  labelLocale: locale,
  print: console.log,
  customerName: () => customer.name,
});
const logger = memoryLogger();
const { people, teams, topics } = app.desk.directory;
const topic = topics.billing ?? Object.values(topics)[0];
const team = topic ? teams[topic.team] : undefined;
if (!topic || !team?.frontLine[0] || !team.supervisors[0] || !topic.experts[0]) {
  throw new Error('The demo needs a topic with an expert, and a team with front line and a supervisor');
}
const frontLine = team.frontLine[0];
const supervisor = team.supervisors[0];
const nameOf = (id: string) => people[id]?.name ?? id;

async function scene(title: string, act: () => Promise<unknown>): Promise<void> {
  console.log(`\n${formatInstant(clock.now().toISOString(), locale, customer.timeZone)} — ${title}`);
  await act();
  // Deliver everything the step wrote, the way the outbox job does.
  let claimed = 0;
  do {
    ({ claimed } = await dispatchOnce({ notices: store.notices, clock, sink, logger, owner: 'demo' }));
  } while (claimed > 0);
}

/** Moves the clock to the case's next pending timer and runs the sweep there. */
async function sweepToNextTimer(caseId: string, title = say.sweep): Promise<void> {
  const next = (await store.cases.listTimers(caseId))
    .filter((t) => t.status === 'pending')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  if (!next) throw new Error('no pending timer to sweep to');
  clock.set(next.dueAt);
  await scene(title, () => desk.sweep({ owner: 'demo' }));
}

console.log(`${say.title}\n${say.intro(values.database)}`);
const words =
  locale === 'fr'
    ? 'On m’a facturé deux fois en novembre et j’ai besoin du remboursement avant le loyer.'
    : locale === 'lt'
      ? 'Lapkritį nuskaitė du kartus, o pinigų man reikia iki nuomos mokėjimo.'
      : 'I was charged twice for November and I need the money back before my rent is due.';
const actor = (id: string) => ({ id });
let caseId = '';
await scene(say.customerWrites(customer.name), async () => {
  const opened = await desk.openCase({
    workspace: app.workspace,
    audience: 'internal',
    conversation: 'slack:T0ACME:D09EGLE:1763884800.000100',
    customer,
    text: words,
    topic: topic.id,
    priority: 'high',
  });
  caseId = opened.case.id;
});
clock.advanceMinutes(12);
await scene(say.claims(nameOf(frontLine)), () => desk.claim({ caseId, actor: actor(frontLine) }));
clock.advanceMinutes(3);
await scene(say.escalates(nameOf(frontLine)), () => desk.escalate({ caseId, actor: actor(frontLine) }));
const expert = (await desk.getCase(caseId))?.expertId ?? '';
clock.advanceMinutes(5);
await scene(say.accepts(nameOf(expert)), () => desk.accept({ caseId, actor: actor(expert) }));
// The expert goes quiet: nudges, then the window is missed, then the next window's nudge.
const missesSoFar = async () => (await desk.getCase(caseId))?.misses ?? 0;
while ((await missesSoFar()) === 0) await sweepToNextTimer(caseId);
await sweepToNextTimer(caseId);
clock.advanceMinutes(10);
await scene(say.asksSupervisor(customer.name), () =>
  desk.askSupervisor({ caseId, actor: actor(customer.id) }),
);
const approvalId = (await desk.getCase(caseId))?.approval?.id ?? '';
clock.advanceMinutes(25);
const apology = {
  en: 'I am sorry: we promised you an answer this afternoon and did not keep that promise.',
  fr: 'Je suis désolée : nous vous avions promis une réponse cet après-midi et nous n’avons pas tenu parole.',
  lt: 'Atsiprašau: pažadėjome atsakyti šią popietę, bet pažado neištesėjome.',
}[locale];
const plan = {
  en: 'I have cancelled the duplicate charge myself; the refund reaches your account within two working days.',
  fr: 'J’ai annulé moi-même le double prélèvement ; le remboursement arrive sous deux jours ouvrés.',
  lt: 'Pati atšaukiau dvigubą mokėjimą; pinigai grįš į sąskaitą per dvi darbo dienas.',
}[locale];
await scene(say.approves(nameOf(supervisor)), () =>
  desk.approve({ caseId, actor: actor(supervisor), approvalId, apology, plan }),
);
// The supervisor answers: the case waits on the customer, who stays silent; the bot checks in,
// then closes the case. The customer's next message reopens it.
clock.advanceMinutes(15);
const reply = {
  en: 'The refund has gone out. Could you let me know once you see it in your account?',
  fr: 'Le remboursement est parti. Pourriez-vous me dire quand vous le verrez sur votre compte ?',
  lt: 'Pinigai grąžinti. Ar galėtumėte parašyti, kai juos pamatysite savo sąskaitoje?',
}[locale];
await scene(say.repliesAndWaits(nameOf(supervisor)), () =>
  desk.answer({ caseId, actor: actor(supervisor), text: reply }),
);
await sweepToNextTimer(caseId, say.checksIn(customer.name));
await sweepToNextTimer(caseId, say.autoCloses(customer.name));
clock.advanceMinutes((2 * 24 + 19) * 60 + 15); // Monday morning, well within reopenWithin
const again = {
  en: 'The refund arrived, but this morning I was charged twice again.',
  fr: 'Le remboursement est arrivé, mais ce matin on m’a de nouveau prélevé deux fois.',
  lt: 'Pinigai grįžo, bet šįryt vėl nuskaitė du kartus.',
}[locale];
await scene(say.writesAgain(customer.name), () =>
  desk.followUp({ caseId, actor: actor(customer.id), text: again }),
);
clock.advanceMinutes(40);
const summary = {
  en: 'Duplicate charge of 49.00 EUR refunded, reference RF-20931.',
  fr: 'Double prélèvement de 49,00 EUR remboursé, référence RF-20931.',
  lt: 'Dvigubas 49,00 EUR mokėjimas grąžintas, nuoroda RF-20931.',
}[locale];
await scene(say.resolves(nameOf(supervisor)), () =>
  desk.resolve({ caseId, actor: actor(supervisor), summary }),
);
clock.advanceMinutes(30);
await scene(say.confirms(customer.name), () => desk.confirm({ caseId, actor: actor(customer.id) }));
clock.advanceMinutes(1);
const comment = { en: 'Thank you, Marie.', fr: 'Merci, Marie.', lt: 'Ačiū, Marie.' }[locale];
await scene(say.rates(customer.name, 5), () =>
  desk.rate({ caseId, actor: actor(customer.id), score: 5, comment }),
);
console.log(`\n${say.end(sink.delivered)}`);
await store.close();
