// The console's HTTP server: serves the app on the port asked (0: a free one), closes with a
// browser's keep-alive connection still open, and a taken port is a start-up line naming
// CONSOLE_PORT.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startConsoleServer } from '../../src/console/server.ts';
import { describeStartupFailure, EXIT } from '../../src/ops/startup-failure.ts';
import { seededConsole } from './fixture.ts';

describe('startConsoleServer', () => {
  it('serves the console and closes with a keep-alive connection open', async () => {
    const { app } = await seededConsole();
    const server = await startConsoleServer({ app, port: 0, host: '127.0.0.1' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(`${server.url}/queues`, { headers: { connection: 'keep-alive' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Teams’ queues');
    await server.close();
    await server.close(); // twice is fine
    await expect(fetch(`${server.url}/queues`)).rejects.toThrow();
  });

  it('refuses a taken port, which start-up explains in one line naming CONSOLE_PORT', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { app } = await seededConsole();
      const error = await startConsoleServer({ app, port, host: '127.0.0.1' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'EADDRINUSE' });
      const failure = describeStartupFailure(error, 'console');
      expect(failure.code).toBe(EXIT.config);
      expect(failure.message).toMatch(
        /^The web console cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\): set CONSOLE_PORT/,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
