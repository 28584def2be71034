// `npm run demo` tells the whole story, in order, in English, French and Lithuanian: the ladder,
// then a case waiting on the customer (check-in, automatic close) reopened by their message.
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
  it('English: intake → front line → expert with a time → missed window → nudge → supervisor → apology and plan → waiting on the customer → check-in → automatic close → reopened by a message → resolved → rating', async () => {
    const out = await demo('en');
    expectInOrder(out, [
      'Hello Eglė, thank you for getting in touch',
      'I was charged twice for November',
      'Rasa Kazlauskienė is now looking after case #1',
      'Jonas Petraitis, who specialises in it, is now handling it. You will hear from Jonas Petraitis by Monday 23 November at 15:15',
      'has passed; this case has now missed 1 promised time.',
      'we are still working on it'.replace('we are', 'We are'),
      'Reminder: you promised Eglė an answer on case #1 by Tuesday',
      'we have asked a supervisor to review case #1',
      '“I am sorry: we promised you an answer this afternoon',
      'What will be done: I have cancelled the duplicate charge',
      'Marie Dubois replies in the case; now it waits on the customer',
      'Reply from Marie Dubois on case #1',
      'No word from Eglė: the bot checks in',
      'we have not heard from you on case #1 for a while',
      'If we do not hear from you by Friday 27 November at 14:05',
      '[Add details] [Mark as resolved]',
      'Still no reply from Eglė: the bot closes the case',
      'we have not heard from you, so we have closed case #1',
      '[Reopen]',
      'Case #1 from Eglė closed itself',
      'Eglė writes again in the same conversation',
      'Case #1 is open again with your new message, and you will hear from us by Monday 30 November at 10:20',
      'Eglė added details to your case #1',
      'this morning I was charged twice again',
      'we believe case #1 is resolved',
      'case #1 is now closed',
      'We have recorded your rating of 5 out of 5',
      '27 messages delivered through the outbox',
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
      'un responsable',
      'Je suis désolée',
      'Marie Dubois répond sur la demande, qui attend désormais la réponse de la personne',
      'Pas de nouvelles de Camille : le bot prend de ses nouvelles',
      'nous n’avons pas eu de vos nouvelles depuis un moment au sujet de votre demande #1',
      '[Ajouter des précisions] [Marquer comme résolue]',
      'Toujours pas de réponse de Camille : le bot clôt la demande',
      'sans nouvelles de votre part, nous avons clôturé votre demande #1',
      '[Rouvrir]',
      'Camille écrit de nouveau dans la même conversation',
      'Votre demande #1 est rouverte avec votre nouveau message',
      'Camille a ajouté des précisions à la demande #1',
      'Camille note l’aide 5/5',
      '27 messages remis par la file d’envoi',
    ]);
    expect(out).not.toMatch(/Hello|Reminder:|thank you/);
  });

  it('Lithuanian: the same story, the customer addressed politely', async () => {
    const out = await demo('lt');
    expectInOrder(out, [
      'Sveiki, Egle. Dėkojame, kad kreipėtės',
      'Atsiprašau: pažadėjome atsakyti šią popietę',
      'Marie Dubois atsako į prašymą; dabar laukiama atsakymo iš kreipusiojo žmogaus',
      'Eglė neatsako – botas pasiteirauja, ar dar reikia pagalbos',
      'Jau kurį laiką negavome iš Jūsų žinių dėl prašymo #1',
      '[Pridėti informacijos] [Pažymėti kaip išspręstą]',
      'Eglė taip ir neatsakė – botas uždaro prašymą',
      'Negavome iš Jūsų žinių, todėl prašymą #1 uždarėme',
      '[Atidaryti iš naujo]',
      'Eglė vėl rašo tame pačiame pokalbyje',
      'Ačiū, kad vėl parašėte. Jūsų prašymas #1 vėl atidarytas su nauja žinute',
      'Eglė papildė prašymą #1, kuriuo rūpinatės',
      'Eglė įvertina pagalbą 5/5',
      'Per siuntimo eilę pristatytos 27 žinutės',
    ]);
    expect(out).not.toMatch(/Hello|Bonjour|Reminder:/);
  });
});
