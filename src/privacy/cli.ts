// `npm run privacy -- export|erase <person>` (see run-privacy.ts). It opens the store without the
// writer lock (singleWriter: false), so it runs while the bot does: it neither sweeps nor sends,
// and its changes are ordinary transactions that bump the version of the cases they redact.
import { userInfo } from 'node:os';
import { newId } from '../ids.ts';
import { redactUrl, resolveDatabaseUrl } from '../store/database-url.ts';
import { openStore } from '../store/open-store.ts';
import { runPrivacy } from './run-privacy.ts';

const databaseUrl = resolveDatabaseUrl();
const requester = (() => {
  try {
    return `operator:${userInfo().username}`;
  } catch {
    return 'operator';
  }
})();

process.exitCode = await runPrivacy(process.argv.slice(2), {
  open: () =>
    openStore({ databaseUrl, singleWriter: false }).catch((error: unknown) => {
      throw new Error(`${redactUrl(databaseUrl)}: ${(error as Error).message}`, { cause: error });
    }),
  clock: { now: () => new Date() },
  ids: { next: () => newId() },
  defaultRequester: requester,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
