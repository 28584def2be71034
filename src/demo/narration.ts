// The demo's own narration (scene headings), in the three locales. Who reads each message is said
// by the console sink's labels (src/platform/console-sink.ts).
import type { Locale } from '../core/model.ts';
import { plural } from '../core/texts/index.ts';

export interface Narration {
  title: string;
  intro: (db: string) => string;
  customerWrites: (name: string) => string;
  claims: (name: string) => string;
  escalates: (name: string) => string;
  accepts: (name: string) => string;
  sweep: string;
  asksSupervisor: (name: string) => string;
  approves: (name: string) => string;
  answers: (name: string) => string;
  /** A staff reply: the case now waits on the customer. */
  repliesAndWaits: (name: string) => string;
  checksIn: (customer: string) => string;
  autoCloses: (customer: string) => string;
  writesAgain: (customer: string) => string;
  resolves: (name: string) => string;
  confirms: (name: string) => string;
  rates: (name: string, score: number) => string;
  end: (n: number) => string;
}

const en: Narration = {
  title: 'The support ladder, start to finish',
  intro: (db) => `Embedded SQLite at ${db}, simulated clock. What each person sees, in order.`,
  customerWrites: (n) => `${n} writes to the bot in a direct message`,
  claims: (n) => `${n} (front line) claims the case`,
  escalates: (n) => `${n} hands it to the billing expert`,
  accepts: (n) => `${n} accepts the case`,
  sweep: 'The reminder sweep runs',
  asksSupervisor: (n) => `${n} presses "Ask for a supervisor"`,
  approves: (n) => `${n} approves the escalation, with an apology and a plan`,
  answers: (n) => `${n} replies in the case`,
  repliesAndWaits: (n) => `${n} replies in the case; now it waits on the customer`,
  checksIn: (n) => `No word from ${n}: the bot checks in`,
  autoCloses: (n) => `Still no reply from ${n}: the bot closes the case`,
  writesAgain: (n) => `${n} writes again in the same conversation`,
  resolves: (n) => `${n} marks the case resolved`,
  confirms: (n) => `${n} confirms it is resolved`,
  rates: (n, s) => `${n} rates the help ${s}/5`,
  end: (n) =>
    `${plural('en', n, { one: '# message', other: '# messages' })} delivered through the outbox. Every promise was kept or visibly renegotiated.`,
};

const fr: Narration = {
  title: 'L’échelle du support, du début à la fin',
  intro: (db) => `SQLite embarqué dans ${db}, horloge simulée. Ce que chacun voit, dans l’ordre.`,
  customerWrites: (n) => `${n} écrit au bot en message direct`,
  claims: (n) => `${n} (première ligne) prend la demande en charge`,
  escalates: (n) => `${n} la confie à l’expert de la facturation`,
  accepts: (n) => `${n} accepte la demande`,
  sweep: 'Les rappels automatiques sont vérifiés',
  asksSupervisor: (n) => `${n} appuie sur « Demander un responsable »`,
  approves: (n) => `${n} approuve l’escalade, avec des excuses et un plan`,
  answers: (n) => `${n} répond sur la demande`,
  repliesAndWaits: (n) => `${n} répond sur la demande, qui attend désormais la réponse de la personne`,
  checksIn: (n) => `Pas de nouvelles de ${n} : le bot prend de ses nouvelles`,
  autoCloses: (n) => `Toujours pas de réponse de ${n} : le bot clôt la demande`,
  writesAgain: (n) => `${n} écrit de nouveau dans la même conversation`,
  resolves: (n) => `${n} marque la demande comme résolue`,
  confirms: (n) => `${n} confirme qu’elle est résolue`,
  rates: (n, s) => `${n} note l’aide ${s}/5`,
  end: (n) =>
    `${plural('fr', n, { one: '# message remis', other: '# messages remis' })} par la file d’envoi. Chaque promesse a été tenue ou renégociée ouvertement.`,
};

const lt: Narration = {
  title: 'Pagalbos kopėčios nuo pradžios iki galo',
  intro: (db) => `Įterptinė SQLite ${db}, imituojamas laikrodis. Ką mato kiekvienas, eilės tvarka.`,
  customerWrites: (n) => `${n} rašo botui asmenine žinute`,
  claims: (n) => `${n} (pirmoji linija) perima prašymą`,
  escalates: (n) => `${n} perduoda jį sąskaitų ekspertui`,
  accepts: (n) => `${n} priima prašymą`,
  sweep: 'Tikrinami automatiniai priminimai',
  asksSupervisor: (n) => `${n} paspaudžia „Prašyti vadovo“`,
  approves: (n) => `${n} patvirtina eskalavimą, atsiprašo ir pateikia planą`,
  answers: (n) => `${n} atsako į prašymą`,
  repliesAndWaits: (n) => `${n} atsako į prašymą; dabar laukiama atsakymo iš kreipusiojo žmogaus`,
  checksIn: (n) => `${n} neatsako – botas pasiteirauja, ar dar reikia pagalbos`,
  autoCloses: (n) => `${n} taip ir neatsakė – botas uždaro prašymą`,
  writesAgain: (n) => `${n} vėl rašo tame pačiame pokalbyje`,
  resolves: (n) => `${n} pažymi prašymą kaip išspręstą`,
  confirms: (n) => `${n} patvirtina, kad išspręsta`,
  rates: (n, s) => `${n} įvertina pagalbą ${s}/5`,
  end: (n) =>
    `Per siuntimo eilę ${plural('lt', n, { one: 'pristatyta # žinutė', few: 'pristatytos # žinutės', many: 'pristatyta # žinutės', other: 'pristatyta # žinučių' })}. Kiekvienas pažadas ištesėtas arba atvirai pakeistas.`,
};

export const NARRATION: Record<Locale, Narration> = { en, fr, lt };
