// `npm run playground` starts: the script in package.json, through npm, prints its address, and
// the page answers there (with --port 0, a free port the process chose). The process group is
// killed afterwards, whatever happened.
import { describe, expect, it } from 'vitest';
import { spawnBot } from '../support/bot-process.ts';
import { ROOT } from '../support/start-command.ts';

const ADDRESS = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/;

describe('npm run playground', () => {
  it('prints its address and serves the page and the console there', async () => {
    const run = spawnBot('npm', ['run', 'playground', '--', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let exited = false;
    void run.exited.then(() => (exited = true));
    try {
      let url: string | undefined;
      for (let waited = 0; url === undefined && !exited && waited < 90_000; waited += 100) {
        url = ADDRESS.exec(run.output())?.[1];
        if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(url, run.output()).toBeDefined();
      const page = await fetch(url ?? '');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('training sandbox');
      expect(html).toContain('id="supervisor"');
      expect((await fetch(`${url}console/reports`)).status).toBe(200);
    } finally {
      run.kill();
      await run.exited;
    }
  }, 120_000);

  it('refuses a port that is not one, saying so', async () => {
    const run = spawnBot('npm', ['run', 'playground', '--', '--port', 'eighty'], {
      cwd: ROOT,
      env: process.env,
    });
    try {
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toContain('--port: "eighty" is not a port number');
    } finally {
      run.kill();
    }
  }, 120_000);
});
