// CSV exports: RFC 4180 quoting, formula injection defused, and the two downloads' contents.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/console/csv.ts';
import { seededConsole } from './fixture.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
    ['=1+2', "'=1+2"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['Eglė – ąčęėįšųūž', 'Eglė – ąčęėįšųūž'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers (negative ones too), dates and empties as data', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(4.5)).toBe('4.5');
    expect(csvCell(new Date('2026-11-23T08:00:00Z'))).toBe('2026-11-23T08:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

/** Parses RFC 4180 text (enough for the tests): quoted cells with doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('/export/cases.csv', () => {
  it('has one row per case of the period, defused and quoted, as a UTF-8 download', async () => {
    const { app } = await seededConsole();
    const response = await app.request('/export/cases.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cases-7d.csv"');
    // A byte-order mark first, so spreadsheets read UTF-8 (Response.text() drops it).
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(await response.text());
    const header = rows[0] ?? [];
    expect(header.slice(0, 8)).toEqual([
      'number',
      'id',
      'workspace',
      'team',
      'topic',
      'priority',
      'level',
      'status',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    const rated = rows[1] ?? [];
    expect(rated[header.indexOf('rating')]).toBe('2');
    expect(rated[header.indexOf('rating_comment')]).toBe('\'=HYPERLINK("x") slow, "really"');
    expect(rows[2]?.[header.indexOf('window')]).toBe('callback');
  });

  it('takes one team and 30 days, and ignores what it does not know', async () => {
    const { app } = await seededConsole();
    const month = await app.request('/export/cases.csv?days=30&team=support');
    expect(month.headers.get('content-disposition')).toContain('cases-30d.csv');
    expect(parseCsv(await month.text())).toHaveLength(6); // the header and Customer Support's five
    const odd = await app.request('/export/cases.csv?days=-1&team=%22%3D1');
    expect(odd.status).toBe(200);
    expect(parseCsv(await odd.text())).toHaveLength(7); // every team's
  });
});

describe('/export/report.csv', () => {
  it('has the period, the team, the measure and its value on each row', async () => {
    const { app } = await seededConsole();
    const response = await app.request('/export/report.csv?days=30');
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(['from', 'to', 'team', 'measure', 'value']);
    const value = (team: string, measure: string) => rows.find((r) => r[2] === team && r[3] === measure)?.[4];
    expect(value('all', 'csat.count')).toBe('1');
    expect(value('support', 'csat.score_2')).toBe('1');
    expect(value('support', 'escalations.requested')).toBe('1');
    expect(value('all', 'reopens.finished_cases')).toBe('1');
    expect(rows.find((r) => r[3]?.startsWith('csat.comment'))?.[4]).toBe('2: =HYPERLINK("x") slow, "really"');
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows[1]?.[0]).toBe('2026-10-24T08:40:00.000Z');
  });
});
