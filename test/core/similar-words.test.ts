// The words two customers share (similar-words.ts) and the intake decision on them (incidents.ts),
// as tables.
import { describe, expect, it } from 'vitest';
import { decideAtIntake } from '../../src/core/incidents.ts';
import type { Incident, Team } from '../../src/core/model.ts';
import { similarity, wordSet } from '../../src/core/similar-words.ts';

describe('wordSet', () => {
  it.each([
    ['The invoice page is DOWN!', ['invoice', 'page', 'down']],
    ['La page des factures ne marche pas', ['page', 'factures', 'marche']],
    ['Neveikia sąskaitų puslapis', ['sąskaitų', 'puslapis']],
    ['Error 500 on /export, a b c', ['error', '500', 'export']],
    ['   ', []],
  ])('%j → %j', (text, words) => {
    expect([...wordSet(text)]).toEqual(words);
  });
});

describe('similarity', () => {
  it.each([
    ['The invoice page is down', 'invoice page down', 1],
    ['The invoice page is down', 'Cannot open the invoice page, it is down since 9', 0.6],
    ['invoice page down', 'password reset email never arrives', 0],
    ['La page des factures est en panne', 'page factures en panne depuis ce matin', 0.6],
    ['Neveikia sąskaitų puslapis', 'sąskaitų puslapis neveikia nuo ryto', 2 / 3],
    ['', 'anything', 0],
  ])('%j ~ %j = %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 5);
  });
});

describe('decideAtIntake', () => {
  const T = new Date('2026-11-23T08:00:00Z');
  const team = (incidents?: Team['incidents']): Team => ({
    id: 'support',
    name: 'Support',
    calendar: 'office',
    locale: 'en',
    frontLine: [],
    supervisors: ['marie'],
    ...(incidents ? { incidents } : {}),
  });
  const on = team({ threshold: 3, withinMinutes: 30, similarity: 0.3 });
  const incident = (status: Incident['status'], hoursAgo = 0): Incident => ({
    id: `inc-${status}`,
    team: 'support',
    topic: 'billing',
    status,
    title: 'Invoices',
    words: 'invoice page down',
    burst: 3,
    alertedAt: new Date(T.getTime() - hoursAgo * 3_600_000),
    declaredAt: null,
    declaredBy: null,
    updates: [],
    resolvedAt: null,
    summary: '',
    version: 1,
  });
  const recent = (...texts: string[]) => texts.map((words, i) => ({ id: `c${i}`, words }));

  it.each([
    ['below the threshold', on, [], recent('invoice page down'), 'none'],
    ['at the threshold', on, [], recent('invoice page down', 'the invoice page is down'), 'alert'],
    ['unlike words do not count', on, [], recent('password reset', 'vpn is slow'), 'none'],
    ['detection off', team(), [], recent('invoice page down', 'invoice page down'), 'none'],
    ['an alert stands', on, [incident('alerted')], recent('invoice page down', 'invoice page down'), 'none'],
    [
      'an old alert no longer stands',
      on,
      [incident('alerted', 25)],
      recent('invoice page down', 'invoice page down'),
      'alert',
    ],
    ['an open incident is joined', on, [incident('open')], [], 'join'],
    ['joined even with detection off', team(), [incident('open')], [], 'join'],
    ['a resolved one is not', on, [incident('resolved')], [], 'none'],
  ] as const)('%s', (_name, t, incidents, cases, kind) => {
    expect(decideAtIntake(t, 'invoice page is down', incidents, cases, T).kind).toBe(kind);
  });
});
