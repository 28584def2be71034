// Moves the WAL's pages into the database file on a worker thread. SQLite's own automatic
// checkpoint runs inside whichever commit crosses the threshold, on the event loop, and under
// load it cost more than the commits themselves (a 5 s intake run: 2.2 s of COMMIT, most of it
// checkpointing). Here a second connection checkpoints PASSIVE-ly beside the writer; the writer's
// automatic checkpoint stays as a backstop at a higher threshold, should the worker fall behind.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints, in ms. */
export const CHECKPOINT_EVERY_MS = 250;
/** The writer's own automatic checkpoint, in pages (4 KiB): only if the worker falls behind. */
export const BACKSTOP_PAGES = 16_000;

// Plain CommonJS, evaluated in the worker: no TypeScript loader needed there.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.timeoutMs });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message ? e.message : e) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, timeoutMs: number): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, timeoutMs, everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  // A failed checkpoint is not an error for the store: the backstop still bounds the WAL.
  worker.on('message', () => undefined);
  worker.on('error', () => undefined);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 1_000).unref();
      }),
  };
}
