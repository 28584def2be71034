// The console's static files, served from its own routes (the machine it runs on may have no
// network, and no CDN is trusted): its stylesheet and script, and uPlot from node_modules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Context } from 'hono';
import { CONSOLE_CSS } from './assets/style.ts';
import { CONSOLE_JS } from './assets/script.ts';

const require = createRequire(import.meta.url);

const UPLOT: Readonly<Record<string, { module: string; type: string }>> = {
  'uPlot.iife.min.js': { module: 'uplot/dist/uPlot.iife.min.js', type: 'text/javascript; charset=utf-8' },
  'uPlot.min.css': { module: 'uplot/dist/uPlot.min.css', type: 'text/css; charset=utf-8' },
};

const cache = new Map<string, string>();

async function uplotFile(name: string): Promise<string | null> {
  const entry = UPLOT[name];
  if (!entry) return null;
  let text = cache.get(name);
  if (text === undefined) {
    text = await readFile(require.resolve(entry.module), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export async function serveAsset(c: Context, name: string): Promise<Response> {
  const cacheFor = { 'Cache-Control': 'public, max-age=3600' };
  if (name === 'console.css')
    return c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', ...cacheFor });
  if (name === 'console.js')
    return c.body(CONSOLE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', ...cacheFor });
  const uplot = await uplotFile(name);
  if (uplot !== null)
    return c.body(uplot, 200, { 'Content-Type': UPLOT[name]?.type ?? 'text/plain', ...cacheFor });
  return c.text('not found\n', 404);
}
