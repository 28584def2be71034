// The words of a team's week and of the weekly digest, as both platforms show them: every name,
// topic and comment through the platform's escaper, on one line; figures in the reader's language;
// the at-risk count's cap; and Lithuanian and French without an English word left.
import { describe, expect, it } from 'vitest';
import { neutralise as discordEscape } from '../../../adapters/discord/render/markdown.ts';
import { digestSections, weekSection } from '../../../adapters/shared/week-report.ts';
import { neutralise as slackEscape } from '../../../adapters/slack/render/escape.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { Team } from '../../../src/core/model.ts';
import type { TeamDigest, TeamWeek } from '../../../src/platform/team-report.ts';

const directory = loadConfig('config/support.example.yaml').desk.directory;
const team: Team = { ...directory.teams.access!, name: 'Access *VIP* <!channel>' };
const period = { from: new Date('2026-11-23T08:00:00Z'), to: new Date('2026-11-30T08:00:00Z') };
const MIN = 60_000;

const week: TeamWeek = {
  team,
  summary: {
    period,
    team: 'access',
    promises: { kept: 21, missed: 3, percent: 87.5 },
    firstResponse: { count: 24, p50Ms: 25 * MIN, p90Ms: 190 * MIN },
    csat: { average: 4.25, count: 12 },
    opened: 30,
    resolved: 22,
    atRisk: 500,
    deflected: 0,
    recoveries: { opened: 0, kept: 0, late: 0 },
  },
  atRiskAtLeast: true,
};

const digest: TeamDigest = {
  team,
  digest: {
    period,
    previousPeriod: { from: new Date('2026-11-16T08:00:00Z'), to: period.from },
    team: 'access',
    wentWell: {
      kept: 21,
      praise: [{ caseId: 'c1', number: 7, score: 5, comment: 'Thanks\n@everyone *great*', at: period.from }],
    },
    recoveries: { opened: 0, kept: 0, late: 0 },
    worstKept: [
      { by: 'expert', key: 'tom', kept: 1, missed: 2, percent: (1 / 3) * 100 },
      { by: 'topic', key: 'access', kept: 3, missed: 1, percent: 75 },
      { by: 'kind', key: 'approval', kept: 4, missed: 1, percent: 80 },
    ],
    lowestRatings: [
      { caseId: 'c2', number: 9, score: 1, comment: `Too slow ${'x'.repeat(400)}`, at: period.from },
    ],
    grownTopics: [{ topic: 'access', opened: 12, openedBefore: 4 }],
    policy: [
      {
        topic: 'access',
        change: 'longer_callback_or_expert',
        missed: 4,
        ended: 6,
        now: { firstResponseMinutes: [60], callbackMinutes: [240], experts: 1 },
      },
      { topic: 'gone', change: 'longer_first_response_or_rota', missed: 3, ended: 3, now: null },
    ],
  },
};

describe('the week in words', () => {
  it('reads the figures in English, with the team’s name escaped per platform', () => {
    const slack = weekSection(week, { locale: 'en', timeZone: 'UTC' }, slackEscape);
    expect(slack.title).not.toContain('<!channel>');
    expect(slack.lines).toEqual([
      'Promises kept: 88% (21 kept, 3 missed)',
      'First response, counted in the policy’s hours: median 25 mins, 9 in 10 within 3 hrs 10 mins',
      'Satisfaction: 4.3 out of 5 (12 ratings)',
      'Cases: 30 opened, 22 resolved or closed',
      'At risk now: 500+',
    ]);
    const discord = weekSection(week, { locale: 'en', timeZone: 'UTC' }, discordEscape);
    expect(discord.title).toBe('This week (the last 7 days) · Access \\*VIP\\* <!channel>');
  });

  it('reads them in Lithuanian and French', () => {
    const plain = (s: string) => s.replace(/\s/gu, ' ');
    const lt = weekSection(week, { locale: 'lt', timeZone: 'Europe/Vilnius' }, discordEscape).lines.map(
      plain,
    );
    expect(lt).toEqual([
      'Ištesėti pažadai: 88 % (ištesėta: 21, neištesėta: 3)',
      'Pirmasis atsakymas, skaičiuojant politikos darbo valandomis: mediana 25 min., 9 iš 10 – per 3 val. 10 min.',
      'Pasitenkinimas: 4,3 iš 5 (12 įvertinimų)',
      'Prašymai: pateikta 30, išspręsta arba uždaryta 22',
      'Šiuo metu rizikingi: 500+',
    ]);
    const fr = weekSection(week, { locale: 'fr', timeZone: 'Europe/Paris' }, discordEscape).lines.map(plain);
    expect(fr[0]).toBe('Promesses tenues : 88 % (21 tenues, 3 manquées)');
    expect(fr[2]).toBe('Satisfaction : 4,3 sur 5 (12 notes)');
  });
});

describe('deflection in the week', () => {
  it('adds a line only once the answer bank settled a case, in the reader’s language', () => {
    const settled = { ...week, summary: { ...week.summary, deflected: 3 } };
    const en = weekSection(settled, { locale: 'en', timeZone: 'UTC' }, slackEscape).lines;
    expect(en).toContain('Settled by a past answer: 3 of 22');
    expect(en).toHaveLength(6);
    const lt = weekSection(settled, { locale: 'lt', timeZone: 'UTC' }, slackEscape).lines;
    expect(lt).toContain('Išspręsta ankstesniu atsakymu: 3 iš 22');
    expect(weekSection(week, { locale: 'en', timeZone: 'UTC' }, slackEscape).lines).toHaveLength(5);
  });
});

describe('level 4 recoveries in the week and the digest', () => {
  const recovered = { opened: 2, kept: 1, late: 1 };
  it('adds a line only in a week with a recovery opened or sent, in the reader’s language', () => {
    const withRecoveries = { ...week, summary: { ...week.summary, recoveries: recovered } };
    const en = weekSection(withRecoveries, { locale: 'en', timeZone: 'UTC' }, slackEscape).lines;
    expect(en).toContain('Level 4 recoveries: 2 opened, 1 sent on time, 1 late');
    expect(en).toHaveLength(6);
    const lt = weekSection(withRecoveries, { locale: 'lt', timeZone: 'UTC' }, slackEscape).lines;
    expect(lt).toContain('4 lygio atlyginimai: atverta 2, laiku išsiųsta 1, pavėluota 1');
    expect(weekSection(week, { locale: 'en', timeZone: 'UTC' }, slackEscape).lines.join('\n')).not.toContain(
      'recoveries',
    );
  });

  it('closes what went well in the digest', () => {
    const d: TeamDigest = { team, digest: { ...digest.digest, recoveries: recovered } };
    const [well] = digestSections(d, directory, { locale: 'en', timeZone: 'UTC' }, slackEscape).sections;
    expect(well?.lines.at(-1)).toBe(
      'Level 4: 2 customers went outside the team; recoveries sent: 1 on time, 1 late.',
    );
    const fr = digestSections(d, directory, { locale: 'fr', timeZone: 'UTC' }, slackEscape).sections[0];
    expect(fr?.lines.at(-1)?.replace(/\s/gu, ' ')).toBe(
      'Niveau 4 : 2 clients se sont adressés hors de l’équipe ; gestes de réparation envoyés : 1 à temps, 1 en retard.',
    );
    const [quiet] = digestSections(
      digest,
      directory,
      { locale: 'en', timeZone: 'UTC' },
      slackEscape,
    ).sections;
    expect(quiet?.lines.join('\n')).not.toContain('Level 4');
  });
});

describe('the digest in words', () => {
  it('starts with what went well, and keeps every comment on one escaped line', () => {
    const { title, sections } = digestSections(
      digest,
      directory,
      { locale: 'en', timeZone: 'UTC' },
      discordEscape,
    );
    expect(title).toBe('Weekly digest for Access \\*VIP\\* <!channel>: the last 7 days, up to now');
    expect(sections.map((s) => s.title)).toEqual([
      'What went well',
      'Promises kept least',
      'Lowest ratings',
      'Topics that grew',
      'Policy changes to consider (a change to the config file; the bot never makes one)',
    ]);
    const [well, worst, lowest, grown, policy] = sections;
    expect(policy?.lines).toEqual([
      'Login and account access: 4 of 6 callback windows missed — consider a longer callback window (now 4 hrs) or another expert (1 now)',
      'gone: 3 of 3 first responses missed — consider a longer first-response window (now ?) or more people on the triage rota',
    ]);
    expect(well?.lines[0]).toBe('21 promises were kept this week.');
    expect(well?.lines[1]).toMatch(/^5\/5 on case #7: “Thanks @\S+ \\\*great\\\*”$/u);
    expect(well?.lines[1]).not.toContain('@everyone');
    expect(worst?.lines).toEqual([
      'expert Tom Whitfield: 33% kept (1 kept, 2 missed)',
      'topic Login and account access: 75% kept (3 kept, 1 missed)',
      'supervisor decisions: 80% kept (4 kept, 1 missed)',
    ]);
    expect(lowest?.lines[0]?.length).toBeLessThan(260);
    expect(lowest?.lines[0]).toContain('…”');
    expect(grown?.lines).toEqual(['Login and account access: 12 new cases, against 4 the week before']);
  });

  it('says so when a part is empty, in the reader’s language', () => {
    const quiet: TeamDigest = {
      team,
      digest: {
        ...digest.digest,
        wentWell: { kept: 0, praise: [] },
        worstKept: [],
        lowestRatings: [],
        grownTopics: [],
        policy: [],
      },
    };
    const { sections } = digestSections(
      quiet,
      directory,
      { locale: 'lt', timeZone: 'Europe/Vilnius' },
      slackEscape,
    );
    expect(sections.map((s) => s.lines)).toEqual([
      ['Šią savaitę nė vieno pažado terminas nesuėjo.', 'Šią savaitę nėra 4 ar 5 įvertinimų su komentaru.'],
      ['Visos grupės, kurioms suėjo bent du terminai, ištesėjo visus pažadus.'],
      ['Šią savaitę nėra 3 ar žemesnių įvertinimų su komentaru.'],
      ['Palyginti su ankstesne savaite, nė vienos srities prašymų žymiai nepadaugėjo.'],
      ['Nė viena sritis nepraleido trečdalio savo terminų: pakeitimų siūlyti nereikia.'],
    ]);
    const fr = digestSections(digest, directory, { locale: 'fr', timeZone: 'Europe/Paris' }, slackEscape);
    expect(fr.sections[0]?.lines[0]).toBe('21 promesses ont été tenues cette semaine.');
    expect(fr.sections[3]?.lines[0]?.replace(/\s/gu, ' ')).toBe(
      'Connexion et accès au compte : 12 nouvelles demandes, contre 4 la semaine précédente',
    );
  });
});
