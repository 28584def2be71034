// `npm run demo` tells the whole story, in order, in English and in French.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

const freshDatabase = () => `file:${join(mkdtempSync(join(tmpdir(), 'demo-')), 'demo.db')}`;

async function demo(locale: string, database = freshDatabase()): Promise<string> {
  const args = ['tsx', 'src/demo/run-demo.ts', '--locale', locale, '--database', database];
  const { stdout } = await run('npx', args, { cwd: join(import.meta.dirname, '../..'), timeout: 60_000 });
  return stdout;
}

/** Asserts the fragments appear in this order. */
function expectInOrder(text: string, fragments: string[]): void {
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    expect(at, `"${fragment}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + fragment.length;
  }
}

describe('demo', () => {
  it('English: intake → front line → expert with a time → missed window → nudge → supervisor → apology and plan → resolved → rating', async () => {
    const out = await demo('en');
    expectInOrder(out, [
      'Hello Eglė, thank you for getting in touch',
      'I was charged twice for November',
      'Rasa Kazlauskienė is now looking after case #1',
      'Jonas Petraitis, who specialises in it, is now handling it. You will hear from Jonas Petraitis by Monday 23 November at 15:15',
      'has passed. Missed times on this case: 1',
      'we are still working on it'.replace('we are', 'We are'),
      'Reminder: you promised Eglė an answer on case #1 by Tuesday',
      'we have asked a supervisor to review case #1',
      '“I am sorry: we promised you an answer this afternoon',
      'What will be done: I have cancelled the duplicate charge',
      'we believe case #1 is resolved',
      'case #1 is now closed',
      'We have recorded your rating of 5 out of 5',
      '21 messages delivered through the outbox',
    ]);
  });

  it('starts afresh each run, even on the same database file', async () => {
    const database = freshDatabase();
    await demo('lt', database);
    const again = await demo('lt', database);
    expect(again).toContain('#1');
    expect(again).not.toContain('#2');
  });

  it('French: the same story in French', async () => {
    const out = await demo('fr');
    expectInOrder(out, [
      'Bonjour Camille, merci de nous avoir écrit',
      'Rasa Kazlauskienė s’occupe désormais de votre demande #1',
      'Vous aurez des nouvelles de Jonas Petraitis d’ici le lundi 23 novembre à 15:15',
      'un superviseur',
      'Je suis désolée',
      'Camille note l’aide 5/5',
    ]);
    expect(out).not.toMatch(/Hello|Reminder:|thank you/);
  });
});
