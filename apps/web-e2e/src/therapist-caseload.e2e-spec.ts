import type { Page } from 'playwright-core';

import { join } from 'node:path';

import { SCREENSHOT_DIR, openBrowser, screenshot, type BrowserSession } from './browser';
import { seriousA11yViolations, signIn, unique } from './stack';

/** The timeline's sentences for each filter (see therapist-messages.en.ts). */
const PROMISE_EVENT = /promised: “|confirmed a promise as/;

/** The seeded therapist with two couples: Priya & Tom (open alerts) and Jordan & Casey (calm). */
const THERAPIST = 'therapist1@harbor.test';

async function openCaseload(page: Page): Promise<void> {
  await signIn(page, THERAPIST);
  await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
  await page.getByTestId('caseload-row').first().waitFor();
}

describe('therapist caseload and couple page (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  beforeEach(async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
  });

  afterEach(async () => {
    await browser.close();
  });

  it('orders the caseload by need of attention, with a sparkline per couple', async () => {
    const { page } = browser;
    await openCaseload(page);
    const rows = await page.getByTestId('caseload-row').allInnerTexts();
    const priya = rows.findIndex((text) => text.includes('Priya & Tom'));
    const calm = rows.findIndex((text) => text.includes('Jordan & Casey'));
    expect(priya).toBeGreaterThanOrEqual(0);
    expect(calm).toBeGreaterThan(priya);
    expect(rows[priya]).toMatch(/open alert/);
    expect(rows[calm]).toMatch(/All calm/);
    await expect(
      page.getByRole('img', { name: /Weekly completion over the last 8 weeks/ }).count(),
    ).resolves.toBeGreaterThan(0);
    // The lines themselves arrive a moment after the table (the chart library loads on its own).
    await page.locator('.recharts-line').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'therapist-caseload');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens a couple, assigns a program with a schedule preview and gives feedback in place', async () => {
    const { page } = browser;
    await openCaseload(page);
    await page.getByRole('link', { name: 'Priya & Tom' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya & Tom' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('partner-card').nth(1).waitFor();
    await page.getByTestId('response').first().waitFor({ timeout: 15_000 });
    await expect(page.getByText('Private to therapist').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'therapist-couple-page');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Assign a program through the dialog; the preview reads the schedule back in words.
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign work' });
    await dialog.waitFor();
    await expect(dialog.getByTestId('schedule-preview').innerText()).resolves.toMatch(
      /Every Monday and Thursday at 8 pm, from/,
    );
    await dialog.getByRole('button', { name: 'A program' }).click();
    await dialog.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /Communication foundations/ }).click();
    const preview = dialog.getByTestId('schedule-preview');
    await preview.getByText('Daily check-in').waitFor();
    await expect(preview.innerText()).resolves.toMatch(
      // Both ends carry the year when the program crosses a new year (run in December).
      /Every day at 8 pm, from \d+ \w+( \d{4})? to \d+ \w+/,
    );
    await screenshot(page, 'therapist-assign-dialog');
    await dialog.screenshot({ path: join(SCREENSHOT_DIR, 'therapist-assign-dialog-only.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Assigned', { exact: true }).waitFor();

    // Feedback on the newest answer shows under it straight away.
    const feedback = `Thank you for naming that so clearly (${unique('fb')}).`;
    const answer = page.getByTestId('response').first();
    await answer.getByLabel('Write feedback').fill(feedback);
    await answer.getByRole('button', { name: 'Send' }).click();
    await answer.getByTestId('feedback').filter({ hasText: feedback }).waitFor();
    await screenshot(page, 'therapist-feedback-in-place');
    await answer.screenshot({ path: join(SCREENSHOT_DIR, 'therapist-feedback-answer-only.png') });
  });

  it('shows the couple’s timeline as a dated list, filtered by kind', async () => {
    const { page } = browser;
    await openCaseload(page);
    await page.getByRole('link', { name: 'Priya & Tom' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByTestId('timeline-event').first().waitFor({ timeout: 15_000 });
    const all = await timeline.getByTestId('timeline-event').allInnerTexts();
    expect(all.some((text) => /answered “/.test(text))).toBe(true);
    expect(all.some((text) => PROMISE_EVENT.test(text))).toBe(true);
    // Days head their events: the first heading in the timeline is a date, not an event.
    await expect(timeline.getByRole('heading', { level: 3 }).first().innerText()).resolves.toMatch(
      /\d{4}/,
    );
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, 'therapist-couple-timeline');
    await timeline.screenshot({ path: join(SCREENSHOT_DIR, 'therapist-couple-timeline-only.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await timeline.getByRole('button', { name: 'Promises', exact: true }).click();
    await expect(
      timeline.getByRole('button', { name: 'Promises', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    const promises = await timeline.getByTestId('timeline-event').allInnerTexts();
    expect(promises.length).toBeGreaterThan(0);
    for (const text of promises) expect(text).toMatch(PROMISE_EVENT);
    await timeline.screenshot({
      path: join(SCREENSHOT_DIR, 'therapist-couple-timeline-promises.png'),
    });
  });

  it('adds a couple from the create page and lands on their (still empty) page', async () => {
    const { page } = browser;
    await signIn(page, 'therapist2@harbor.test');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Add a couple' }).first().click();
    await page.waitForURL(/#\/couples\/create/);
    const first = page.getByRole('group', { name: 'First partner' });
    const second = page.getByRole('group', { name: 'Second partner' });
    await first.getByRole('textbox', { name: 'Name' }).fill('Robin');
    await first.getByRole('textbox', { name: 'Email' }).fill(`${unique('robin')}@e2e.test`);
    await second.getByRole('textbox', { name: 'Name' }).fill('Alex');
    await second.getByRole('textbox', { name: 'Email' }).fill(`${unique('alex')}@e2e.test`);
    await screenshot(page, 'therapist-couple-create');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Robin & Alex' })
      .waitFor({ timeout: 15_000 });
    await page.getByText('Robin & Alex added. Both partners have their invitations.').waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Nothing has happened yet')
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'therapist-couple-new-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
