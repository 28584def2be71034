// Serves the console (or any Hono app, such as the playground that mounts it) over HTTP with
// @hono/node-server, and stops it: open connections are closed, so shutdown never waits on a
// browser's keep-alive.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ConsoleServer {
  /** e.g. http://127.0.0.1:8080 (the port actually bound when 0 was asked). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ConsoleServerOptions {
  // Any Hono app: its generics do not matter to the server.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  app: Hono<any, any, any>;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
}

export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: options.app.fetch, port: options.port, hostname: options.host }) as Server;
    started.once('error', reject);
    started.once('listening', () => {
      started.off('error', reject);
      resolve(started);
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
