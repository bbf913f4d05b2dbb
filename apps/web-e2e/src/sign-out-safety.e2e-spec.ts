import type { Page } from 'playwright-core';

import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { openExercise } from './client-steps';
import { seriousA11yViolations, signIn, signOut, unique } from './stack';

const PHONE = { width: 375, height: 812 };
const PARTNER = 'couple1.a@harbor.test';
const HELLO = 'Hello, Jordan';
const CHECK_IN = 'Daily check-in';
const FIELD = /One thing your partner could do tomorrow/;

/** The clinic's idle limit, as the sign-in answer gave it to the app. */
async function idleLimitMs(page: Page): Promise<number> {
  const minutes = await page.evaluate(() => {
    const session: unknown = JSON.parse(window.localStorage.getItem('mend.session') ?? 'null');
    return (session as { user: { inactivityTimeoutMinutes: number } }).user
      .inactivityTimeoutMinutes;
  });
  return minutes * 60_000;
}

const warning = (page: Page) => page.getByRole('dialog', { name: 'Are you still there?' });

async function openCheckIn(page: Page): Promise<void> {
  await page.getByRole('heading', { name: HELLO }).waitFor({ timeout: 15_000 });
  await openExercise(page, PARTNER, CHECK_IN);
}

describe('signing out safely (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('saves the words typed just before signing out, and brings them back from the server', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, PARTNER);
    await openCheckIn(page);
    const words = `Walk with me after dinner ${unique('last-words')}`;
    // The draft must be on the server before the session is revoked there.
    const order: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/draft'))
        order.push(`draft ${response.status()}`);
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/auth/logout')) order.push('logout');
    });
    const loggedOut = page.waitForRequest((request) => request.url().endsWith('/api/auth/logout'));
    await page.getByRole('textbox', { name: FIELD }).fill(words);
    // Straight to sign-out, well inside the draft's one-second pause.
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);
    await loggedOut;
    expect(order).toEqual(['draft 200', 'logout']);
    // Nothing of the draft stays on the device: what comes back below comes from the server.
    await expect(
      page.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.startsWith('mend.client.draft.')),
      ),
    ).resolves.toEqual([]);

    await signIn(page, PARTNER);
    await openCheckIn(page);
    await expect(page.getByRole('textbox', { name: FIELD }).inputValue()).resolves.toBe(words);
  });

  it('warns a minute before the idle limit, stays on request, and signs out with a reason', async () => {
    browser = await openBrowser(PHONE);
    const { context, page } = browser;
    await context.clock.install();
    await signIn(page, PARTNER);
    await page.getByRole('heading', { name: HELLO }).waitFor({ timeout: 15_000 });
    const limit = await idleLimitMs(page);

    // A second tab of the same person shares the activity of the first.
    const otherTab = await context.newPage();
    await otherTab.goto(webUrl());
    await otherTab.getByRole('heading', { name: HELLO }).waitFor({ timeout: 15_000 });

    await context.clock.fastForward(limit - 50_000);
    await warning(page).waitFor();
    await warning(otherTab).waitFor();
    await expect(warning(page).textContent()).resolves.toMatch(
      /You'll be signed out in \d+ s to protect your privacy/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'inactivity-warning-phone');

    // Staying in one tab tells the API (a request that counts as use) and calms the other tab.
    const reported = page.waitForRequest((request) => request.url().endsWith('/api/auth/me'));
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await reported;
    await warning(page).waitFor({ state: 'hidden' });
    await context.clock.runFor(2_000);
    await warning(otherTab).waitFor({ state: 'hidden' });
    await otherTab.close();

    // The limit now counts from the click: past the first deadline, only a new warning.
    await context.clock.fastForward(limit - 50_000);
    await warning(page).waitFor();
    await expect(
      page.evaluate(() => window.localStorage.getItem('mend.session')),
    ).resolves.not.toBeNull();

    // Nobody answers: signed out, on the login page, told why.
    await context.clock.fastForward(60_000);
    await page
      .getByText('We signed you out after a while without activity')
      .waitFor({ timeout: 10_000 });
    await expect(
      page.evaluate(() => window.localStorage.getItem('mend.session')),
    ).resolves.toBeNull();
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'inactivity-signed-out-phone');
  });
});
