// `npm run playground [-- --port 4300 --host 127.0.0.1 --config <file> --start <ISO instant>]`: the
// playground in a browser — every role of the ladder, on an in-memory store and a simulated
// clock, with no chat platform tokens (compose.ts). Prints the address once it listens.
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createPlayground, DEFAULT_START, EXAMPLE_CONFIG } from './compose.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4300' },
    host: { type: 'string', default: '127.0.0.1' },
    config: { type: 'string', default: EXAMPLE_CONFIG },
    start: { type: 'string', default: DEFAULT_START.toISOString() },
  },
});
const port = Number(values.port);
const start = new Date(values.start);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port: "${values.port}" is not a port number (0 picks a free one).`);
  process.exit(2);
}
if (Number.isNaN(start.getTime())) {
  console.error(`--start: "${values.start}" is not an instant (e.g. 2026-11-23T07:00:00Z).`);
  process.exit(2);
}

const playground = createPlayground({ configPath: values.config, start });
const server = serve({ fetch: playground.app.fetch, port, hostname: values.host }, (info) => {
  const host = values.host.includes(':') ? `[${values.host}]` : values.host;
  console.log(`Playground: http://${host}:${info.port}/ (console: http://${host}:${info.port}/console/)`);
  console.log('Everything is in memory: stop with Ctrl+C, and the next start is empty again.');
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await playground.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
