// Words only the Discord adapter uses (form titles, the panel, card field names, notices to
// admins). Case messages come from the core's catalog (src/core/texts); these frame them.
import type { Locale } from '../../../src/core/index.ts';
import { fillLabel, type LabelParams } from '../../shared/labels.ts';

const en = {
  'form.intake.title': 'Open a support case',
  'form.intake.topic': 'Topic',
  'form.intake.description': 'What do you need help with?',
  'form.intake.description_hint': 'Describe the problem in your own words.',
  'form.intake.urgency': 'How urgent is it?',
  'form.approve.title': 'Approve the escalation of case #{number}',
  'form.approve.apology': 'Your apology to the customer',
  'form.approve.plan': 'What you will do, or have done',
  'form.decline.title': 'Decline the escalation of case #{number}',
  'form.decline.reason': 'Why (the customer will read this)',
  'form.cannot_resolve.title': 'Cannot resolve case #{number}',
  'form.cannot_resolve.reason': 'What stops you (a supervisor will read this)',
  'form.resolve.title': 'Resolve case #{number}',
  'form.resolve.summary': 'What was done (the customer will read this)',
  'form.add_details.title': 'Add details to case #{number}',
  'form.add_details.text': 'Your details',
  'form.rate.title': 'Rate our help on case #{number}',
  'form.rate.score': 'Your rating',
  'form.rate.comment': 'Anything to add? (optional)',
  'rate.1': '1 · poor',
  'rate.2': '2',
  'rate.3': '3',
  'rate.4': '4',
  'rate.5': '5 · excellent',
  'intake.opened': 'Thank you, {name}. Case #{number} is open in {thread}: we will talk there.',
  'intake.added': 'Thank you, {name}. We have added this to case #{number}; you can follow it in {thread}.',
  'intake.blocked':
    'Sorry, I cannot open your case right now: the bot is not allowed to open threads in the support channel. The moderators have been told. Please try again a little later.',
  'intake.not_set_up':
    'Sorry, cases cannot be opened here yet. Please ask a moderator to finish setting up the support desk.',
  'panel.text':
    'Need help from the team? Press the button below to open a private case: only you and our support staff will see it.',
  'panel.button': 'Open a case',
  'panel.posted': 'The support panel is posted in this channel.',
  'panel.managers_only': 'Only people who can manage this server can post the support panel.',
  'card.status': 'Status',
  'card.level': 'Level',
  'card.owner': 'Handled by',
  'card.due': 'Next promise due',
  'card.risk': 'Risk',
  'card.none': 'none',
  'thread.case': 'Case #{number} · {name}',
  'thread.new': 'Support · {name}',
  'thread.staff': 'Case #{number} · staff notes',
  'relay.for_person': 'For {name}:',
  'admin.missing_permissions':
    'I could not {what} in <#{channel}> for case #{number}: Discord says I am missing permissions there ({reason}). Please give the bot View Channel, Send Messages, Send Messages in Threads, Create Private Threads, Create Public Threads, Embed Links and Read Message History in that channel. The message is kept (parked in the outbox), so nothing is lost.',
  'admin.what.post': 'post a message',
  'admin.what.edit': 'update a message',
  'admin.what.thread': 'open a thread',
  'admin.missing_permissions_intake':
    'I could not open a case for {name}: Discord says I am missing permissions to open a thread in <#{channel}> ({reason}). Please give the bot View Channel, Send Messages in Threads, Create Private Threads and Create Public Threads in that channel. No case was opened; {name} was asked to try again later.',
  unknown_button: 'This button no longer works. If you need help, use /support.',
} as const;

export type AdapterTextKey = keyof typeof en;

const fr: Record<AdapterTextKey, string> = {
  'form.intake.title': 'Ouvrir une demande d’assistance',
  'form.intake.topic': 'Sujet',
  'form.intake.description': 'Pour quoi avez-vous besoin d’aide ?',
  'form.intake.description_hint': 'Décrivez le problème avec vos propres mots.',
  'form.intake.urgency': 'Quelle est l’urgence ?',
  'form.approve.title': 'Approuver l’escalade de la demande n°{number}',
  'form.approve.apology': 'Vos excuses au client',
  'form.approve.plan': 'Ce que vous allez faire, ou avez fait',
  'form.decline.title': 'Refuser l’escalade de la demande n°{number}',
  'form.decline.reason': 'Pourquoi (le client lira ce texte)',
  'form.cannot_resolve.title': 'Impossible de résoudre la demande n°{number}',
  'form.cannot_resolve.reason': 'Ce qui vous bloque (un responsable le lira)',
  'form.resolve.title': 'Résoudre la demande n°{number}',
  'form.resolve.summary': 'Ce qui a été fait (le client lira ce texte)',
  'form.add_details.title': 'Ajouter des précisions à la demande n°{number}',
  'form.add_details.text': 'Vos précisions',
  'form.rate.title': 'Notez notre aide sur la demande n°{number}',
  'form.rate.score': 'Votre note',
  'form.rate.comment': 'Un commentaire ? (facultatif)',
  'rate.1': '1 · mauvais',
  'rate.2': '2',
  'rate.3': '3',
  'rate.4': '4',
  'rate.5': '5 · excellent',
  'intake.opened':
    'Merci, {name}. La demande n°{number} est ouverte dans {thread} : nous échangerons là-bas.',
  'intake.added':
    'Merci, {name}. Nous avons ajouté ceci à la demande n°{number} ; vous pouvez la suivre dans {thread}.',
  'intake.blocked':
    'Désolé, je ne peux pas ouvrir votre demande pour le moment : le bot n’a pas le droit d’ouvrir des fils dans le salon d’assistance. Les modérateurs ont été prévenus. Merci de réessayer un peu plus tard.',
  'intake.not_set_up':
    'Désolé, les demandes ne peuvent pas encore être ouvertes ici. Merci de demander à un modérateur de terminer la configuration.',
  'panel.text':
    'Besoin d’aide de l’équipe ? Appuyez sur le bouton ci-dessous pour ouvrir une demande privée : seuls vous et notre équipe d’assistance la verrez.',
  'panel.button': 'Ouvrir une demande',
  'panel.posted': 'Le panneau d’assistance est publié dans ce salon.',
  'panel.managers_only':
    'Seules les personnes qui gèrent ce serveur peuvent publier le panneau d’assistance.',
  'card.status': 'Statut',
  'card.level': 'Niveau',
  'card.owner': 'Prise en charge par',
  'card.due': 'Prochaine échéance',
  'card.risk': 'Risque',
  'card.none': 'aucune',
  'thread.case': 'Demande n°{number} · {name}',
  'thread.new': 'Assistance · {name}',
  'thread.staff': 'Demande n°{number} · notes internes',
  'relay.for_person': 'Pour {name} :',
  'admin.missing_permissions':
    'Je n’ai pas pu {what} dans <#{channel}> pour la demande n°{number} : Discord indique qu’il me manque des permissions ({reason}). Merci de donner au bot Voir le salon, Envoyer des messages, Envoyer des messages dans les fils, Créer des fils privés, Créer des fils publics, Intégrer des liens et Voir l’historique des messages dans ce salon. Le message est conservé (mis de côté dans la file d’envoi) : rien n’est perdu.',
  'admin.what.post': 'publier un message',
  'admin.what.edit': 'mettre à jour un message',
  'admin.what.thread': 'ouvrir un fil',
  'admin.missing_permissions_intake':
    'Je n’ai pas pu ouvrir de demande pour {name} : Discord indique qu’il me manque des permissions pour ouvrir un fil dans <#{channel}> ({reason}). Merci de donner au bot Voir le salon, Envoyer des messages dans les fils, Créer des fils privés et Créer des fils publics dans ce salon. Aucune demande n’a été ouverte ; {name} a été invité(e) à réessayer plus tard.',
  unknown_button: 'Ce bouton ne fonctionne plus. Si vous avez besoin d’aide, utilisez /support.',
};

const lt: Record<AdapterTextKey, string> = {
  'form.intake.title': 'Pateikti pagalbos užklausą',
  'form.intake.topic': 'Tema',
  'form.intake.description': 'Kuo galime padėti?',
  'form.intake.description_hint': 'Aprašykite problemą savais žodžiais.',
  'form.intake.urgency': 'Kiek tai skubu?',
  'form.approve.title': 'Patvirtinti užklausos Nr. {number} perdavimą',
  'form.approve.apology': 'Jūsų atsiprašymas klientui',
  'form.approve.plan': 'Ką padarysite arba jau padarėte',
  'form.decline.title': 'Atmesti užklausos Nr. {number} perdavimą',
  'form.decline.reason': 'Kodėl (klientas tai perskaitys)',
  'form.cannot_resolve.title': 'Negaliu išspręsti užklausos Nr. {number}',
  'form.cannot_resolve.reason': 'Kas trukdo (perskaitys vadovas)',
  'form.resolve.title': 'Išspręsti užklausą Nr. {number}',
  'form.resolve.summary': 'Kas padaryta (klientas tai perskaitys)',
  'form.add_details.title': 'Papildyti užklausą Nr. {number}',
  'form.add_details.text': 'Jūsų papildymas',
  'form.rate.title': 'Įvertinkite pagalbą dėl užklausos Nr. {number}',
  'form.rate.score': 'Jūsų įvertinimas',
  'form.rate.comment': 'Ką norėtumėte pridurti? (nebūtina)',
  'rate.1': '1 · prastai',
  'rate.2': '2',
  'rate.3': '3',
  'rate.4': '4',
  'rate.5': '5 · puikiai',
  'intake.opened': 'Ačiū, {name}. Užklausa Nr. {number} atidaryta gijoje {thread}: ten ir bendrausime.',
  'intake.added': 'Ačiū, {name}. Tai pridėjome prie užklausos Nr. {number}; ją galite sekti gijoje {thread}.',
  'intake.blocked':
    'Atsiprašome, šiuo metu negaliu pateikti jūsų užklausos: botui neleidžiama atidaryti gijų pagalbos kanale. Moderatoriai informuoti. Pabandykite šiek tiek vėliau.',
  'intake.not_set_up':
    'Atsiprašome, čia užklausų dar negalima pateikti. Paprašykite moderatoriaus užbaigti pagalbos tarnybos nustatymus.',
  'panel.text':
    'Reikia komandos pagalbos? Paspauskite mygtuką žemiau ir pateikite privačią užklausą: ją matysite tik jūs ir mūsų pagalbos komanda.',
  'panel.button': 'Pateikti užklausą',
  'panel.posted': 'Pagalbos skydelis paskelbtas šiame kanale.',
  'panel.managers_only': 'Pagalbos skydelį gali paskelbti tik šio serverio valdytojai.',
  'card.status': 'Būsena',
  'card.level': 'Lygis',
  'card.owner': 'Tvarko',
  'card.due': 'Kitas terminas',
  'card.risk': 'Rizika',
  'card.none': 'nėra',
  'thread.case': 'Užklausa Nr. {number} · {name}',
  'thread.new': 'Pagalba · {name}',
  'thread.staff': 'Užklausa Nr. {number} · vidinės pastabos',
  'relay.for_person': '{name}:',
  'admin.missing_permissions':
    'Nepavyko {what} kanale <#{channel}> dėl užklausos Nr. {number}: Discord praneša, kad man trūksta leidimų ({reason}). Suteikite botui šiame kanale leidimus „Peržiūrėti kanalą“, „Siųsti žinutes“, „Siųsti žinutes gijose“, „Kurti privačias gijas“, „Kurti viešas gijas“, „Įterpti nuorodas“ ir „Skaityti žinučių istoriją“. Žinutė išsaugota (atidėta siuntimo eilėje), niekas neprarasta.',
  'admin.what.post': 'paskelbti žinutės',
  'admin.what.edit': 'atnaujinti žinutės',
  'admin.what.thread': 'atidaryti gijos',
  'admin.missing_permissions_intake':
    'Nepavyko pateikti užklausos nariui {name}: Discord praneša, kad man trūksta leidimų atidaryti giją kanale <#{channel}> ({reason}). Suteikite botui šiame kanale leidimus „Peržiūrėti kanalą“, „Siųsti žinutes gijose“, „Kurti privačias gijas“ ir „Kurti viešas gijas“. Užklausa nepateikta; nario {name} paprašėme pabandyti vėliau.',
  unknown_button: 'Šis mygtukas nebeveikia. Jei reikia pagalbos, naudokite /support.',
};

const CATALOG: Record<Locale, Record<AdapterTextKey, string>> = { en, fr, lt };

/** An adapter text with `{name}` placeholders filled (values are inserted as given). */
export const adapterText = (key: AdapterTextKey, locale: Locale, params: LabelParams = {}): string =>
  fillLabel(CATALOG[locale][key], params);
