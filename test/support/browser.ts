// A real headless Chromium for browser tests: Debian's `chromium` (or CHROMIUM_PATH) driven by
// playwright-core, in a fresh temporary profile. Without the binary the browser tests are skipped
// with the reason, except on CI (CI=true), where they fail: `.ci/run` installs it.
//
//   const browser = chromiumAvailability();
//   describe.skipIf(!browser.available)('…', () => {
//     let session: BrowserSession;
//     beforeAll(async () => { session = await openBrowser(); });
//     afterAll(() => session?.close());
//   });
//   it.runIf(browser.mustFail)('has Chromium', () => { throw new Error(browser.reason) });
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './start-command.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumAvailability {
  available: boolean;
  /** Why the browser tests do not run (when not available). */
  reason: string;
  /** Not available on CI: the browser tests must fail rather than be skipped. */
  mustFail: boolean;
}

let warned = false;

export function chromiumAvailability(): ChromiumAvailability {
  const available = existsSync(CHROMIUM_PATH);
  const reason = available
    ? ''
    : `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH`;
  const mustFail = !available && process.env.CI === 'true';
  // A skipped suite shows no reason of its own: say it once, in the test file's output.
  if (!available && !mustFail && !warned) {
    warned = true;
    console.warn(`browser tests skipped: ${reason}`);
  }
  return { available, reason, mustFail };
}

export interface BrowserSession {
  context: BrowserContext;
  /**
   * A new tab; script errors, console errors and answers of 400 and above (`http <status> <url>`)
   * are collected in `errors`.
   */
  newPage(): Promise<Page>;
  errors: string[];
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes the browser (killing it if it does not close in time) and removes its profile. */
  close(): Promise<void>;
}

/** Processes whose command line names the profile folder: this browser's, and only this one's. */
function processesUsing(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profile)) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | 'timeout'> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

export async function openBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'ladder-chromium-'));
  const kill = () => {
    for (const pid of processesUsing(profile)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      locale: options.locale ?? 'en-GB',
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
  } catch (e) {
    kill();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  context.setDefaultTimeout(30_000);
  const errors: string[] = [];
  let closed = false;
  return {
    context,
    errors,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // A failed load is also an answer below, with its address.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          errors.push(`console: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`http ${r.status()} ${new URL(r.url()).pathname}`);
      });
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await within(15_000, context.close());
      } catch {
        // Killed below either way.
      }
      kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
