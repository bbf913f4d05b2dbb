import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

import { openBrowser, screenshot, type BrowserSession } from './browser';
import { seriousA11yViolations, signIn, userMenuButton } from './stack';

const ADMIN = 'admin@harbor.test';
const THERAPIST = 'therapist1@harbor.test';
// A partner no other journey signs in as.
const PARTNER = 'couple2.b@harbor.test';

/** Opens Reports from the user menu, as every role finds it. */
async function openReports(page: Page): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole('menuitem', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor({ timeout: 15_000 });
}

/** Waits for the report's download button, clicks it and answers the saved file's bytes. */
async function download(page: Page, name: RegExp): Promise<Buffer> {
  const button = page.getByRole('button', { name });
  await button.first().waitFor({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), button.first().click()]);
  const path = await file.path();
  return readFileSync(path);
}

/** True once the progress bar or the finished report shows, whichever the build allows. */
async function progressOrReady(page: Page, ready: RegExp): Promise<'progress' | 'ready'> {
  const progress = page.getByRole('progressbar', { name: /^Preparing / });
  const done = page.getByRole('button', { name: ready }).first();
  return Promise.race([
    progress.waitFor({ timeout: 60_000 }).then(() => 'progress' as const),
    done.waitFor({ timeout: 60_000 }).then(() => 'ready' as const),
  ]);
}

describe('reports in the browser (the running worker builds them)', () => {
  let browser: BrowserSession;

  beforeEach(async () => {
    browser = await openBrowser();
  });

  afterEach(async () => {
    await browser.close();
  });

  it('lets an admin ask for last month, watch it build and download the CSV and PDF', async () => {
    const { page } = browser;
    await signIn(page, ADMIN);
    await openReports(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Prepare the monthly report' }).click();
    const seen = await progressOrReady(page, /^Download Monthly clinic report .* as CSV$/);
    await screenshot(page, `reports-admin-${seen}`);
    const csv = await download(page, /^Download Monthly clinic report .* as CSV$/);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('couple_id,couple,status,therapists');
    const pdf = await download(page, /^Download Monthly clinic report .* as PDF$/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-admin-ready');
  });

  it('lets a therapist prepare for a session and download the summary', async () => {
    const { page } = browser;
    await signIn(page, THERAPIST);
    await page.getByRole('link', { name: 'Priya & Tom' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya & Tom' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Prepare for session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor({ timeout: 15_000 });
    const pdf = await download(page, /^Download Session summary .* as PDF$/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-therapist-session-prep');
  });

  it('lets a partner download their own data, on a phone', async () => {
    await browser.close();
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    await signIn(page, PARTNER);
    await openReports(page);
    await page.getByRole('button', { name: 'Download my data' }).click();
    const zip = await download(page, /^Download Data export .* as ZIP$/);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-partner-own-data');
  });
});
