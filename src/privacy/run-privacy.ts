// `npm run privacy -- export|erase <person>`: a person's right to their data, against the store
// DATABASE_URL names (see DataRights in src/core/ports.ts for what is handed out and what is
// erased). The command's logic, apart from the process (cli.ts), so tests drive it with any store.
import { parseArgs } from 'node:util';
import type { Clock, DataRights, Ids } from '../core/ports.ts';

export const USAGE = `Usage: npm run privacy -- <export|erase> <person> [--by <who>]

  export <person>  print as JSON everything stored about the person: the cases they raised (each
                   with its events, messages and adapter references) and what they wrote on
                   other people's cases
  erase <person>   redact their texts everywhere (their words and name, what was written on their
                   cases, what they wrote elsewhere); numbers, times, statuses and levels stay,
                   so reports still count; erasing again is harmless. Prints what changed.
  <person>         a customer id (slack:T0123:U0456, discord:80351110224678912) or a directory
                   person id (rasa)
  --by <who>       who asked, recorded in the audit trail of every case concerned
                   (default: operator:<your user name>)

The database is DATABASE_URL's (default file:./data/ladder.db); the bot may keep running.`;

/** Exit codes (sysexits.h): done, or the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 64 } as const;

export interface PrivacyDeps {
  /** Opens the store the command works on; closed when the command ends. */
  open(): Promise<{ privacy: DataRights; close(): Promise<void> }>;
  clock: Clock;
  ids: Ids;
  /** Who asks when --by is not given. */
  defaultRequester: string;
  out(text: string): void;
  err(text: string): void;
}

type Command = { action: 'export' | 'erase'; person: string; by: string };

export async function runPrivacy(argv: readonly string[], deps: PrivacyDeps): Promise<number> {
  const command = parseCommand(argv, deps.defaultRequester);
  if ('problem' in command) {
    deps.err(`${command.problem}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if ('help' in command) {
    deps.out(USAGE);
    return EXIT.ok;
  }
  let store: Awaited<ReturnType<PrivacyDeps['open']>>;
  try {
    store = await deps.open();
  } catch (error) {
    deps.err(`privacy: cannot open the database: ${(error as Error).message}`);
    return EXIT.failed;
  }
  try {
    const request = { requestedBy: command.by, at: deps.clock.now(), ids: deps.ids };
    if (command.action === 'export') {
      const data = await store.privacy.exportPerson(command.person, request);
      if (data.cases.length === 0 && data.authored.length === 0) deps.err(nothingAbout(command.person));
      deps.out(JSON.stringify(data, null, 2));
    } else {
      const report = await store.privacy.erasePerson(command.person, request);
      if (report.cases === 0 && report.otherCases === 0) deps.err(nothingAbout(command.person));
      deps.out(JSON.stringify({ person: command.person, ...report }));
    }
    return EXIT.ok;
  } catch (error) {
    deps.err(`privacy: ${command.action} failed: ${(error as Error).message}`);
    return EXIT.failed;
  } finally {
    await store.close();
  }
}

const nothingAbout = (person: string) =>
  `privacy: nothing is stored about ${person} (no case raised, nothing written); nothing was recorded`;

function parseCommand(
  argv: readonly string[],
  defaultRequester: string,
): Command | { help: true } | { problem: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { by: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return { problem: (error as Error).message.split('\n')[0] ?? 'unreadable arguments' };
  }
  if (parsed.values.help) return { help: true };
  const [action, person, ...extra] = parsed.positionals;
  if (action !== 'export' && action !== 'erase') {
    return {
      problem: action === undefined ? 'Say what to do: export or erase.' : `Unknown command "${action}".`,
    };
  }
  if (person === undefined || person.trim() === '') return { problem: `Say whose data to ${action}.` };
  if (/\s/.test(person)) return { problem: `"${person}" is not an id (ids have no spaces).` };
  if (extra.length > 0) return { problem: `One person at a time: unexpected "${extra.join(' ')}".` };
  const by = parsed.values.by?.trim() || defaultRequester;
  return { action, person, by };
}
