// Preloaded into the bot by `bench/memory.ts --probe` (node --import): on SIGUSR2 it logs where the
// process's memory is (V8 heap used/total, external, array buffers, RSS) as one line to stderr;
// with --expose-gc it collects garbage first (what remains is retained); with
// MEMORY_PROBE_SNAPSHOT=<dir> it also writes a heap snapshot there (once). Diagnostics only: the
// benchmark's figures come from runs without it.
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';

const toMb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
let taken = 0;

process.on('SIGUSR2', () => {
  // With --expose-gc (bench --node-flags=--expose-gc), collect first: what remains is retained.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  const spaces = getHeapSpaceStatistics()
    .filter((s) => s.space_used_size > 1_048_576)
    .map((s) => `${s.space_name}=${toMb(s.space_used_size)}`)
    .join(' ');
  process.stderr.write(
    `memory.probe${gc ? ' after-gc' : ''} rss=${toMb(m.rss)} heapUsed=${toMb(m.heapUsed)} heapTotal=${toMb(m.heapTotal)} ` +
      `external=${toMb(m.external)} arrayBuffers=${toMb(m.arrayBuffers)} ${spaces}\n`,
  );
  const dir = process.env.MEMORY_PROBE_SNAPSHOT;
  if (dir && taken === 0) {
    taken += 1;
    process.stderr.write(
      `memory.probe snapshot=${writeHeapSnapshot(join(dir, `bot-${process.pid}.heapsnapshot`))}\n`,
    );
  }
});
