// A small organisation for core tests: one team, two topics, front line, experts, supervisors.
import type { Calendar, DeskConfig, Person, Policy, PolicyTable } from '../../src/core/model.ts';

export const officeCalendar: Calendar = {
  id: 'office',
  timeZone: 'Europe/Vilnius',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: ['2026-12-24', '2026-12-25'],
};

const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  locale: 'en',
  timeZone: 'Europe/Vilnius',
  away: false,
  absences: [],
  maxOpenCases: 5,
  ...extra,
});

export const basePolicy: Policy = {
  firstResponseMinutes: 60,
  callbackWindowMinutes: 240,
  maxCallbackWindowMinutes: 480,
  supervisorWindowMinutes: 60,
  nudgeAt: [0.75],
  missesBeforeSupervisor: 1,
  clock: 'always',
  customerReminderAfterMinutes: 24 * 60,
  autoCloseAfterMinutes: 3 * 24 * 60,
  reopenWithinMinutes: 7 * 24 * 60,
  reassignAfterMisses: null,
};

export function policyTable(overrides: Partial<Policy> = {}): PolicyTable {
  const p = { ...basePolicy, ...overrides };
  const row = { low: p, normal: p, high: p, urgent: p };
  return { internal: structuredClone(row), community: structuredClone(row) };
}

export function deskConfig(
  options: { policy?: Partial<Policy>; people?: Record<string, Partial<Person>> } = {},
): DeskConfig {
  const people: Record<string, Person> = {
    rasa: person('rasa', 'Rasa Jonaitė'),
    tom: person('tom', 'Tom Baker'),
    jonas: person('jonas', 'Jonas Petraitis', { locale: 'lt' }),
    aiste: person('aiste', 'Aistė Kazlauskė'),
    marie: person('marie', 'Marie Dubois', { locale: 'fr', timeZone: 'Europe/Paris' }),
    paul: person('paul', 'Paul Martin'),
  };
  for (const [id, extra] of Object.entries(options.people ?? {})) {
    const base = people[id];
    if (base) people[id] = { ...base, ...extra };
  }
  return {
    directory: {
      people,
      teams: {
        support: {
          id: 'support',
          name: 'Customer Support',
          calendar: 'office',
          locale: 'en',
          frontLine: ['rasa', 'tom'],
          supervisors: ['marie', 'paul'],
        },
      },
      topics: {
        general: { id: 'general', names: { en: 'General' }, team: 'support', experts: ['rasa'], backups: [] },
        billing: {
          id: 'billing',
          names: { en: 'Billing', fr: 'Facturation', lt: 'Sąskaitos' },
          team: 'support',
          experts: ['jonas', 'aiste'],
          backups: ['paul'],
        },
      },
      calendars: { office: officeCalendar },
      defaultTopic: 'general',
    },
    policies: policyTable(options.policy),
  };
}

export const customer = {
  id: 'slack:T1:U100',
  name: 'Eglė',
  locale: 'en' as const,
  timeZone: 'Europe/Vilnius',
};

/** The default customer's request in a Slack thread, as an adapter hands it to desk.openCase. */
export const opening = {
  workspace: 'w',
  audience: 'internal' as const,
  conversation: 'slack:T1:C1:1',
  customer,
  text: 'The export page times out',
  topic: 'billing',
};
