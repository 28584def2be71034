// Incidents on every platform alike: the three buttons a supervisor gets (Declare incident on the
// alert; Post an update and Resolve incident on the declared incident's message), the one-field
// form each opens, its words in the reader's language, and the desk command its submission runs.
// Each platform keeps only its modal's markup and how the ids ride in its buttons.
import type { ActionId, Actor, Desk, Locale } from '../../src/core/index.ts';
import { fillLabel } from './labels.ts';

export const INCIDENT_FORMS = ['incident_declare', 'incident_update', 'incident_resolve'] as const;
export type IncidentForm = (typeof INCIDENT_FORMS)[number];
export const isIncidentForm = (name: string): name is IncidentForm =>
  (INCIDENT_FORMS as readonly string[]).includes(name);

/** The button that opens each form. */
export const INCIDENT_FORM_OF: Readonly<Partial<Record<ActionId, IncidentForm>>> = {
  declare_incident: 'incident_declare',
  incident_update: 'incident_update',
  resolve_incident: 'incident_resolve',
};

/** The one field of each form: its id, and whether it may be left empty. */
export const INCIDENT_FIELD: Readonly<Record<IncidentForm, { id: string; optional: boolean }>> = {
  incident_declare: { id: 'title', optional: false },
  incident_update: { id: 'text', optional: false },
  incident_resolve: { id: 'summary', optional: true },
};

const en = {
  incident_declare: 'Declare an incident',
  incident_declare_field: 'Title (every linked customer sees it)',
  incident_update: 'Incident update',
  incident_update_field: 'Update (sent once to every linked customer)',
  incident_resolve: 'Resolve the incident',
  incident_resolve_field: 'What was done (each linked case is resolved)',
} as const;
type Key = keyof typeof en;
const fr: Record<Key, string> = {
  incident_declare: 'Déclarer un incident',
  incident_declare_field: 'Titre (chaque client concerné le voit)',
  incident_update: 'Point sur l’incident',
  incident_update_field: 'Mise à jour (envoyée une fois à chaque client)',
  incident_resolve: 'Résoudre l’incident',
  incident_resolve_field: 'Ce qui a été fait (chaque dossier est résolu)',
};
const lt: Record<Key, string> = {
  incident_declare: 'Paskelbti incidentą',
  incident_declare_field: 'Pavadinimas (jį mato kiekvienas klientas)',
  incident_update: 'Incidento naujienos',
  incident_update_field: 'Naujienos (kiekvienam klientui vieną kartą)',
  incident_resolve: 'Išspręsti incidentą',
  incident_resolve_field: 'Kas padaryta (kiekviena byla išsprendžiama)',
};
const WORDS: Readonly<Record<Locale, Readonly<Record<Key, string>>>> = { en, fr, lt };

/** The form's title and its field's label in `locale` (platforms cut them to their limits). */
export function incidentFormWords(form: IncidentForm, locale: Locale): { title: string; field: string } {
  return { title: fillLabel(WORDS[locale][form]), field: fillLabel(WORDS[locale][`${form}_field`]) };
}

/** What a submitted incident form is about: the case the button was on, the incident if known. */
export interface IncidentTarget {
  caseId: string;
  incidentId?: string | undefined;
}

/**
 * Runs the form's desk command with the field's words. The desk checks everything (a supervisor
 * of the team, an incident that exists and is not over, words that are not empty).
 */
export function submitIncidentForm(
  desk: Desk,
  form: IncidentForm,
  target: IncidentTarget,
  actor: Actor,
  words: string,
): Promise<unknown> {
  const incidentId = target.incidentId ?? '';
  switch (form) {
    case 'incident_declare':
      return desk.declareIncident({
        caseId: target.caseId,
        ...(target.incidentId ? { incidentId: target.incidentId } : {}),
        actor,
        title: words,
      });
    case 'incident_update':
      return desk.postIncidentUpdate({ incidentId, actor, text: words });
    case 'incident_resolve':
      return desk.resolveIncident({ incidentId, actor, summary: words.trim() });
  }
}
