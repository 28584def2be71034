// Role-play scenarios for the playground: ready situations for training new staff and refreshing
// others. Each one says who the trainee plays, what the customer does (scripted steps the runner
// plays in order, each once its trigger is in the case's trail: runner.ts), and what good looks
// like (a checklist of 3–6 items, ticked from the trail where an event shows it: checks.ts, else
// ticked by the trainee). Every text is in en, fr and lt; the playground's language switch picks.
import type { CaseEventType, Locale, Priority } from '../../core/index.ts';
import type { CheckId } from './checks.ts';

/** One text in every language the bot speaks. */
export type Localized = Readonly<Record<Locale, string>>;

/**
 * When a step plays: at the scenario's start, or once the case's trail holds `count` (default 1)
 * events of `event` made by someone other than the customer (a trainee's action or a timer's).
 */
export type Trigger = { at: 'start' } | { event: CaseEventType; count?: number };

/** What the script does: the customer opens the case, writes in it, asks for a supervisor; time passes. */
export type StepAction =
  | { kind: 'open'; text: Localized; topic: string; priority: Priority }
  | { kind: 'write'; text: Localized }
  | { kind: 'ask_supervisor'; reason: Localized }
  | { kind: 'wait'; by: '15m' | '1h' };

export interface Step {
  when: Trigger;
  do: StepAction;
}

export interface ChecklistItem {
  id: string;
  text: Localized;
  /** Ticked from the case's trail when set; otherwise the trainee ticks it themselves. */
  check?: CheckId;
}

export interface Scenario {
  id: string;
  title: Localized;
  /** The situation, for the trainee: who they play and what happens. */
  brief: Localized;
  /** Who each pane plays: a playground customer's key, a staff member's and a supervisor's id. */
  cast: { customer: string; staff: string; supervisor: string };
  steps: readonly Step[];
  checklist: readonly ChecklistItem[];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'angry-customer',
    title: {
      en: 'An angry customer',
      fr: 'Un client en colère',
      lt: 'Piktas klientas',
    },
    brief: {
      en: 'You are Tom, on the front line. Alex was charged twice and is furious; the words get rude. Take the case, answer calmly, say by when it will be sorted, and resolve it with a summary. Do not argue back.',
      fr: 'Vous êtes Tom, au premier niveau. Alex a été débité deux fois et il est furieux ; les mots deviennent grossiers. Prenez la demande, répondez calmement, dites avant quand ce sera réglé et résolvez-la avec un résumé. Ne répliquez pas.',
      lt: 'Jūs – Tomas, pirmoji linija. Aleksui nuskaičiuota du kartus, jis įsiutęs, žodžiai tampa grubūs. Paimkite užklausą, atsakykite ramiai, pasakykite, iki kada bus sutvarkyta, ir išspręskite ją su santrauka. Nesiginčykite.',
    },
    cast: { customer: 'alex', staff: 'tom', supervisor: 'marie' },
    steps: [
      {
        when: { at: 'start' },
        do: {
          kind: 'open',
          topic: 'general',
          priority: 'high',
          text: {
            en: 'You charged me twice AGAIN. This is the second month in a row. Refund me now.',
            fr: 'Vous m’avez ENCORE débité deux fois. C’est le deuxième mois de suite. Remboursez-moi tout de suite.',
            lt: 'Jūs VĖL nuskaičiavote du kartus. Jau antrą mėnesį iš eilės. Grąžinkite pinigus dabar pat.',
          },
        },
      },
      {
        when: { event: 'claimed' },
        do: {
          kind: 'write',
          text: {
            en: 'Are you idiots? Useless bloody service, stop wasting my time and fix this damn mess.',
            fr: 'Vous êtes des idiots ou quoi ? Service de merde, arrêtez de me faire perdre mon temps et réparez ce foutu bazar.',
            lt: 'Jūs idiotai ar ką? Šūdinas aptarnavimas, liaukitės gaišinti mano laiką ir sutvarkykite šitą prakeiktą jovalą.',
          },
        },
      },
      {
        when: { event: 'answered' },
        do: {
          kind: 'write',
          text: {
            en: 'Fine. And when exactly do I get my money back?',
            fr: 'Bon. Et quand exactement je récupère mon argent ?',
            lt: 'Gerai. Ir kada tiksliai atgausiu savo pinigus?',
          },
        },
      },
    ],
    checklist: [
      {
        id: 'greet',
        check: 'greeted_by_name',
        text: {
          en: 'Greet the customer by name',
          fr: 'Saluer le client par son nom',
          lt: 'Pasisveikinti su klientu vardu',
        },
      },
      {
        id: 'in-time',
        check: 'answered_before_due',
        text: {
          en: 'Answer before the promise is due',
          fr: 'Répondre avant l’échéance promise',
          lt: 'Atsakyti nepasibaigus pažadėtam terminui',
        },
      },
      {
        id: 'no-arguing',
        text: {
          en: 'Don’t argue back or mirror the rude words',
          fr: 'Ne pas répliquer ni reprendre les mots grossiers',
          lt: 'Nesiginčyti ir nekartoti grubių žodžių',
        },
      },
      {
        id: 'by-when',
        text: {
          en: 'Say by when the money will be back',
          fr: 'Dire avant quand l’argent sera rendu',
          lt: 'Pasakyti, iki kada pinigai bus grąžinti',
        },
      },
      {
        id: 'summary',
        check: 'resolved_with_summary',
        text: {
          en: 'Resolve with a summary the customer can keep',
          fr: 'Résoudre avec un résumé que le client peut garder',
          lt: 'Išspręsti su santrauka, kurią klientas galės pasilikti',
        },
      },
    ],
  },
  {
    id: 'missed-window',
    title: {
      en: 'A missed window',
      fr: 'Une échéance manquée',
      lt: 'Praleistas terminas',
    },
    brief: {
      en: 'You are Rasa, on the front line. Eglė has an urgent billing problem: take it and pass it to the billing expert. The expert will not answer. Move the clock on and watch the reminder, the miss and the escalation to the supervisor; then write to Eglė yourself.',
      fr: 'Vous êtes Rasa, au premier niveau. Eglė a un problème de facturation urgent : prenez la demande et passez-la à l’expert facturation. L’expert ne répondra pas. Avancez l’horloge et regardez le rappel, l’échéance manquée et l’escalade au superviseur ; puis écrivez vous-même à Eglė.',
      lt: 'Jūs – Rasa, pirmoji linija. Eglė turi skubią sąskaitų problemą: paimkite užklausą ir perduokite sąskaitų ekspertui. Ekspertas neatsakys. Pasukite laikrodį į priekį ir stebėkite priminimą, praleistą terminą ir perdavimą vadovui; tada patys parašykite Eglei.',
    },
    cast: { customer: 'egle', staff: 'rasa', supervisor: 'marie' },
    steps: [
      {
        when: { at: 'start' },
        do: {
          kind: 'open',
          topic: 'billing',
          priority: 'urgent',
          text: {
            en: 'Our invoice was sent to the wrong company and payment is due today. Please help.',
            fr: 'Notre facture a été envoyée à la mauvaise société et le paiement est dû aujourd’hui. Aidez-nous, s’il vous plaît.',
            lt: 'Mūsų sąskaita išsiųsta ne tai įmonei, o apmokėti reikia šiandien. Padėkite, prašom.',
          },
        },
      },
      {
        when: { event: 'window_missed' },
        do: {
          kind: 'write',
          text: {
            en: 'Hello? You said someone would answer within the hour. Is anyone there?',
            fr: 'Allô ? Vous aviez dit qu’on me répondrait dans l’heure. Il y a quelqu’un ?',
            lt: 'Ar kas nors ten yra? Sakėte, kad atsakys per valandą.',
          },
        },
      },
    ],
    checklist: [
      {
        id: 'to-expert',
        check: 'escalated_to_expert',
        text: {
          en: 'Pass the case to the billing expert',
          fr: 'Passer la demande à l’expert facturation',
          lt: 'Perduoti užklausą sąskaitų ekspertui',
        },
      },
      {
        id: 'reminder',
        check: 'expert_nudged',
        text: {
          en: 'See the reminder reach the expert before the deadline',
          fr: 'Voir le rappel arriver à l’expert avant l’échéance',
          lt: 'Pamatyti priminimą ekspertui prieš terminą',
        },
      },
      {
        id: 'escalation',
        check: 'miss_reached_supervisor',
        text: {
          en: 'See the missed window go up to the supervisor',
          fr: 'Voir l’échéance manquée remonter au superviseur',
          lt: 'Pamatyti, kaip praleistas terminas perduodamas vadovui',
        },
      },
      {
        id: 'write-after-miss',
        check: 'answered_after_miss',
        text: {
          en: 'Write to the customer after the miss: own it, and say what happens next',
          fr: 'Écrire au client après l’échéance manquée : l’assumer et dire la suite',
          lt: 'Po praleisto termino parašyti klientui: pripažinti ir pasakyti, kas bus toliau',
        },
      },
      {
        id: 'no-blame',
        text: {
          en: 'Don’t blame the expert to the customer',
          fr: 'Ne pas rejeter la faute sur l’expert devant le client',
          lt: 'Nekaltinti eksperto prieš klientą',
        },
      },
    ],
  },
  {
    id: 'apology-level-3',
    title: {
      en: 'An apology at level 3',
      fr: 'Des excuses au niveau 3',
      lt: 'Atsiprašymas 3 lygyje',
    },
    brief: {
      en: 'You are Marie, the supervisor. Camille has written three times about the same login problem and now asks for a supervisor. Approve the escalation with a specific apology and a plan of what will be done, then answer her next message.',
      fr: 'Vous êtes Marie, la superviseure. Camille a écrit trois fois pour le même problème de connexion et demande maintenant un superviseur. Approuvez l’escalade avec des excuses précises et un plan de ce qui sera fait, puis répondez à son message suivant.',
      lt: 'Jūs – Marie, vadovė. Camille jau tris kartus rašė dėl tos pačios prisijungimo problemos ir dabar prašo vadovo. Patvirtinkite perdavimą su konkrečiu atsiprašymu ir planu, kas bus padaryta, tada atsakykite į kitą jos žinutę.',
    },
    cast: { customer: 'camille', staff: 'tom', supervisor: 'marie' },
    steps: [
      {
        when: { at: 'start' },
        do: {
          kind: 'open',
          topic: 'access',
          priority: 'normal',
          text: {
            en: 'Third time writing: I still cannot log in after the password reset you sent.',
            fr: 'Troisième fois que j’écris : je ne peux toujours pas me connecter après la réinitialisation que vous m’avez envoyée.',
            lt: 'Rašau jau trečią kartą: vis dar negaliu prisijungti po jūsų atsiųsto slaptažodžio atkūrimo.',
          },
        },
      },
      {
        when: { at: 'start' },
        do: {
          kind: 'ask_supervisor',
          reason: {
            en: 'Nobody has fixed this in two weeks. I want to speak to someone in charge.',
            fr: 'Personne n’a réglé ça en deux semaines. Je veux parler à un responsable.',
            lt: 'Per dvi savaites niekas to nesutvarkė. Noriu kalbėti su atsakingu asmeniu.',
          },
        },
      },
      {
        when: { event: 'escalation_approved' },
        do: {
          kind: 'write',
          text: {
            en: 'Thank you. So what happens if it breaks again next week?',
            fr: 'Merci. Et si ça recommence la semaine prochaine ?',
            lt: 'Ačiū. O kas bus, jei kitą savaitę vėl suges?',
          },
        },
      },
    ],
    checklist: [
      {
        id: 'apology',
        check: 'approved_with_apology',
        text: {
          en: 'Approve with an apology the customer reads',
          fr: 'Approuver avec des excuses que le client lit',
          lt: 'Patvirtinti su atsiprašymu, kurį klientas perskaitys',
        },
      },
      {
        id: 'specific',
        text: {
          en: 'Apologise specifically: name what went wrong, no “for any inconvenience”',
          fr: 'S’excuser précisément : nommer ce qui n’a pas marché, pas « pour la gêne occasionnée »',
          lt: 'Atsiprašyti konkrečiai: įvardyti, kas nepavyko, be „už galimus nepatogumus“',
        },
      },
      {
        id: 'plan',
        check: 'plan_written',
        text: {
          en: 'Write what will be done beyond the fix',
          fr: 'Écrire ce qui sera fait au-delà de la correction',
          lt: 'Parašyti, kas bus padaryta be paties pataisymo',
        },
      },
      {
        id: 'follow-up',
        check: 'answered_after_approval',
        text: {
          en: 'Answer the customer’s next message yourself',
          fr: 'Répondre vous-même au message suivant du client',
          lt: 'Patiems atsakyti į kitą kliento žinutę',
        },
      },
    ],
  },
  {
    id: 'customer-outside',
    title: {
      en: 'A customer going outside',
      fr: 'Un client qui s’adresse ailleurs',
      lt: 'Klientas kreipiasi kitur',
    },
    brief: {
      en: 'You are Tom, on the front line. Alex’s account is locked. An hour after you take the case, he says he has emailed your CEO and posted about it publicly. Record the outside contact with a note, answer him in the case, and write what will be done beyond the fix.',
      fr: 'Vous êtes Tom, au premier niveau. Le compte d’Alex est bloqué. Une heure après que vous avez pris la demande, il dit avoir écrit à votre PDG et publié un message public. Notez le contact extérieur avec une note, répondez-lui dans la demande et écrivez ce qui sera fait au-delà de la correction.',
      lt: 'Jūs – Tomas, pirmoji linija. Alekso paskyra užblokuota. Praėjus valandai po to, kai paimate užklausą, jis parašo, kad kreipėsi į jūsų generalinį direktorių ir paskelbė viešą įrašą. Užfiksuokite kreipimąsi į išorę su pastaba, atsakykite jam užklausoje ir parašykite, kas bus padaryta be paties pataisymo.',
    },
    cast: { customer: 'alex', staff: 'tom', supervisor: 'marie' },
    steps: [
      {
        when: { at: 'start' },
        do: {
          kind: 'open',
          topic: 'general',
          priority: 'normal',
          text: {
            en: 'My account has been locked since this morning and I have a client demo at 3.',
            fr: 'Mon compte est bloqué depuis ce matin et j’ai une démo client à 15 h.',
            lt: 'Mano paskyra užblokuota nuo ryto, o 15 val. turiu pristatymą klientui.',
          },
        },
      },
      { when: { event: 'claimed' }, do: { kind: 'wait', by: '1h' } },
      {
        when: { event: 'claimed' },
        do: {
          kind: 'write',
          text: {
            en: 'I have emailed your CEO and posted about this on LinkedIn. Maybe that gets things moving.',
            fr: 'J’ai écrit à votre PDG et publié un message sur LinkedIn. Peut-être que ça fera bouger les choses.',
            lt: 'Parašiau jūsų generaliniam direktoriui ir paskelbiau apie tai LinkedIn. Gal tai ką nors pajudins.',
          },
        },
      },
    ],
    checklist: [
      {
        id: 'record',
        check: 'outside_recorded',
        text: {
          en: 'Record the outside contact (where he went)',
          fr: 'Noter le contact extérieur (où il s’est adressé)',
          lt: 'Užfiksuoti kreipimąsi į išorę (kur kreipėsi)',
        },
      },
      {
        id: 'note',
        check: 'outside_noted',
        text: {
          en: 'Add a note for colleagues on what he said there',
          fr: 'Ajouter une note pour les collègues sur ce qu’il y a dit',
          lt: 'Pridėti pastabą kolegoms, ką jis ten parašė',
        },
      },
      {
        id: 'answer-here',
        check: 'answered_after_outside',
        text: {
          en: 'Answer him in the case, not only elsewhere',
          fr: 'Lui répondre dans la demande, pas seulement ailleurs',
          lt: 'Atsakyti jam užklausoje, ne tik kitur',
        },
      },
      {
        id: 'beyond-fix',
        text: {
          en: 'Write what will be done beyond the fix',
          fr: 'Écrire ce qui sera fait au-delà de la correction',
          lt: 'Parašyti, kas bus padaryta be paties pataisymo',
        },
      },
      {
        id: 'no-threat',
        text: {
          en: 'Don’t treat the public post as a threat, or ask him to take it down',
          fr: 'Ne pas traiter le message public comme une menace ni lui demander de le retirer',
          lt: 'Nelaikyti viešo įrašo grasinimu ir neprašyti jo ištrinti',
        },
      },
    ],
  },
];

export const scenarioById = (id: string): Scenario | undefined => SCENARIOS.find((s) => s.id === id);
