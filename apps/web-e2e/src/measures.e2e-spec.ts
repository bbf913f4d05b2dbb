import type { Page } from 'playwright-core';

import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { apiPost, apiUrl, DEMO_PASSWORD, seriousA11yViolations, signIn } from './stack';

const PHONE = { width: 375, height: 812 };
const TRUST = 'Trust check-in';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Nothing wider than the viewport: a phone never scrolls sideways. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
}

/** The demo couple whose partner A is Priya (Harbor's diverging couple), via the API. */
async function priyaCoupleId(): Promise<string> {
  const { accessToken } = (await apiPost('/auth/login', {
    email: 'therapist1@harbor.test',
    password: DEMO_PASSWORD,
  })) as { accessToken: string };
  const response = await fetch(`${apiUrl()}/couples?range=[0,99]`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const couples = (await response.json()) as Array<{
    id: string;
    partners: Array<{ displayName: string }>;
  }>;
  const couple = couples.find((c) => c.partners.some((p) => p.displayName === 'Priya'));
  if (!couple) throw new Error('no demo couple with Priya');
  return couple.id;
}

describe('outcome measures (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('a partner answers the trust check-in on a phone', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple2.b@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Tom' }).waitFor({ timeout: 15_000 });
    const checkIns = page.getByRole('region', { name: 'Check-ins' });
    await checkIns.waitFor({ timeout: 15_000 });
    await screenshot(page, 'measures-today-phone');
    await checkIns.getByRole('link', { name: new RegExp(TRUST) }).click();
    await page.getByRole('heading', { name: TRUST, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByText(/^A Mend check-in, not a validated questionnaire\./).waitFor();

    // Sending with nothing chosen names every question.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByText('Choose an answer for each question.').count()).resolves.toBe(4);

    const groups = page.getByRole('radiogroup');
    await expect(groups.count()).resolves.toBe(4);
    for (let index = 0; index < 4; index += 1) {
      await groups.nth(index).getByRole('radio', { name: 'Somewhat' }).check();
    }
    await expectNoSideScroll(page);
    await screenshot(page, 'measures-check-in-form-phone');
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page
      .getByText('Thank you. Your answers went to your therapist.')
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'measures-check-in-sent-phone');
  });

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const)(
    'the therapist sees both partners on one chart, their classifications and the gap (%s)',
    async (name, viewport) => {
      const coupleId = await priyaCoupleId();
      browser = await openBrowser(viewport);
      const { page } = browser;
      await signIn(page, 'therapist1@harbor.test');
      await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
      await page.goto(`${webUrl()}/#/couples/${coupleId}/show`);
      const section = page.locator('section[aria-labelledby="measures-heading"]');
      await section.getByRole('heading', { name: 'Check-ins' }).waitFor({ timeout: 15_000 });
      const chart = section.getByRole('img', { name: new RegExp(`^${TRUST}\\.`) });
      await chart.waitFor();
      const label = (await chart.getAttribute('aria-label')) ?? '';
      expect(label).toMatch(/Priya: 10, 12, 15, 18, 20/);
      expect(label).toMatch(/Tom: 12, 11, 10, 9, 8/);
      await expect(section.locator('.recharts-line').count()).resolves.toBe(2);
      // Six demo baselines are fewer than 30: raw change, said plainly.
      await expect(section.getByText('Raw change only', { exact: true }).count()).resolves.toBe(2);
      await section.getByText(/fewer than 30 baselines/).waitFor();
      await section.getByText(/Gap between partners at the latest round: 12 points/).waitFor();
      await section.getByText('Mend check-in, not a validated questionnaire').waitFor();
      await expectNoSideScroll(page);
      await screenshot(page, `measures-couple-${name}`);
      await expectNoSeriousViolations(page);
    },
  );
});
