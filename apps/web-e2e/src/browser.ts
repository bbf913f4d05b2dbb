import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where screenshots land, so people (and CI) can look at what the tests saw. */
export const SCREENSHOT_DIR = join(__dirname, '../../../test-results/screenshots');

export const webUrl = (): string => {
  const url = process.env['E2E_WEB_URL'];
  if (!url) throw new Error('E2E_WEB_URL is not set: run browser tests through `npm test`');
  return url;
};

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (never a downloaded browser), headless, with the flags this sandboxed,
 * offline machine needs, and a fresh profile per session.
 */
export async function openBrowser(
  viewport = { width: 1280, height: 800 },
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'mend-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
