// A TCP port free on 127.0.0.1 right now, for a process the test or benchmark starts.
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
