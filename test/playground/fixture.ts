import { afterEach, beforeEach } from 'vitest';
// The playground for tests: composed as `npm run playground` composes it, on a quiet logger, with a
// browser-like session over app.request() that keeps cookies and reads the message a post left.
import type { Case } from '../../src/core/model.ts';
import { memoryLogger } from '../../src/log.ts';
import { createPlayground, type Playground } from '../../src/playground/compose.ts';

export const start = new Date('2026-11-23T07:00:00Z'); // Monday 09:00 in Vilnius

export function playground(): Playground & { logger: ReturnType<typeof memoryLogger> } {
  const logger = memoryLogger();
  return Object.assign(createPlayground({ start, logger }), { logger });
}

export interface Said {
  kind: 'ok' | 'error';
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
export const unescape = (html: string): string =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** One browser: its cookies (the language, who each pane plays, the message for the next page). */
export function session(pg: Playground) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  };
  const get = async (path = '/') => keep(await pg.app.request(path, { headers: { cookie: cookieHeader() } }));
  const post = async (path: string, fields: Record<string, string> | string) =>
    keep(
      await pg.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
        body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
      }),
    );
  return {
    jar,
    get,
    post,
    /** The page as it is now (taking the message a post left). */
    async page(): Promise<string> {
      const res = await get('/');
      if (res.status !== 200) throw new Error(`GET / answered ${res.status}`);
      return res.text();
    },
    /** Posts a form, expects the redirect back, and returns the message the next page shows. */
    async act(path: string, fields: Record<string, string> | string): Promise<Said | null> {
      const res = await post(path, fields);
      if (res.status >= 500) throw new Error(`${path} answered ${res.status}`);
      if (res.status !== 303) throw new Error(`${path} answered ${res.status}, not a redirect`);
      const html = await this.page();
      const m = /<p class="flash (ok|error)"[^>]*>([^<]*)<\/p>/.exec(html);
      return m ? { kind: m[1] as Said['kind'], text: unescape(m[2] ?? '') } : null;
    },
    playAs(pane: 'customer' | 'staff' | 'supervisor', person: string) {
      return post('/settings', { pane, person });
    },
  };
}

export type Session = ReturnType<typeof session>;

export type TestPlayground = ReturnType<typeof playground>;

/**
 * A fresh playground and session for each test of the file (closed after it), handed to `use`:
 * `let pg: TestPlayground; let s: Session; eachTest((p, x) => { pg = p; s = x; });`
 */
export function eachTest(use: (pg: TestPlayground, s: Session) => void): void {
  let current: TestPlayground | undefined;
  beforeEach(() => {
    current = playground();
    use(current, session(current));
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

/**
 * Alex opens a billing case with `text` (and `priority` when given) in the customer pane, and Tom
 * escalates it to the billing expert from the staff pane: the case as it is then.
 */
export async function escalatedBillingCase(
  pg: TestPlayground,
  s: Session,
  text: string,
  priority?: string,
): Promise<Case> {
  await s.playAs('customer', 'alex');
  await s.act('/act', {
    form: 'open',
    pane: 'customer',
    text,
    topic: 'billing',
    ...(priority === undefined ? {} : { priority }),
  });
  const [c] = await pg.desk.listCases({ newestFirst: true, limit: 1 });
  await s.playAs('staff', 'tom');
  await s.act('/act', { form: 'escalate', pane: 'staff', caseId: c!.id, topic: 'billing' });
  return (await pg.desk.getCase(c!.id))!;
}
