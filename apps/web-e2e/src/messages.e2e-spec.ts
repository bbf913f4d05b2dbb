import type { Page } from 'playwright-core';

import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { seriousA11yViolations, signIn, unique } from './stack';

const PHONE = { width: 375, height: 812 };
const NOTICE = /not monitored around the clock/;

/** A message as shown in the conversation (the text box's own mirror does not count). */
const shown = (page: Page, text: string) =>
  page.getByRole('list', { name: 'Messages in this conversation' }).getByText(text);

/** The phone's menu: Messages sits right under Today, with the unread badge in its name. */
async function openMessagesFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('menuitem', { name: /^Messages/ }).click();
  await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor({ timeout: 15_000 });
}

describe('messages (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('a partner writes privately on a phone, the therapist answers from the inbox, and the other partner sees nothing of it', async () => {
    const privateNote = `Something only for you ${unique('private-note')}`;
    const reply = `Thank you for telling me ${unique('reply')}`;

    // Jordan, on a 375 px phone, writes in their private thread.
    browser = await openBrowser(PHONE);
    let page = browser.page;
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    await openMessagesFromMenu(page);
    await page.getByRole('button', { name: /Just you and your therapist/ }).waitFor();
    await screenshot(page, 'messages-partner-list-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Just you and your therapist/ }).click();
    await page
      .getByRole('heading', { name: 'Just you and your therapist', level: 1 })
      .waitFor({ timeout: 15_000 });
    await page.getByRole('note').filter({ hasText: NOTICE }).waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill(privateNote);
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page, privateNote).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('textbox', { name: 'Your message' }).inputValue()).resolves.toBe(
      '',
    );
    await screenshot(page, 'messages-private-thread-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await browser.close();

    // The therapist finds it first in the inbox, unread, and answers.
    browser = await openBrowser({ width: 1280, height: 900 });
    page = browser.page;
    await signIn(page, 'therapist1@harbor.test');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
    await page.getByRole('menuitem', { name: /^Messages, 1 unread/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor({ timeout: 15_000 });
    const first = page.getByRole('list', { name: 'Inbox' }).getByRole('link').first();
    await expect(first.innerText()).resolves.toMatch(/Private with Jordan/);
    await screenshot(page, 'messages-therapist-inbox');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await first.click();
    await shown(page, privateNote).waitFor({ timeout: 15_000 });
    await page.getByRole('note').filter({ hasText: NOTICE }).waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page, reply).waitFor({ timeout: 15_000 });
    await screenshot(page, 'messages-therapist-thread');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The couple page shows the same conversation under Jordan's private tab.
    await page.goto(`${webUrl()}/#/couples`);
    await page
      .getByRole('link', { name: /Jordan & Casey/ })
      .first()
      .click();
    await page.getByRole('tab', { name: /Private with Jordan/ }).click({ timeout: 15_000 });
    await shown(page, reply).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Messages' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'messages-couple-page');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await browser.close();

    // Casey, on a phone, sees two places to write and nothing of Jordan's conversation.
    browser = await openBrowser(PHONE);
    page = browser.page;
    await signIn(page, 'couple1.b@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Casey' }).waitFor({ timeout: 15_000 });
    await openMessagesFromMenu(page);
    await page.getByRole('button', { name: /With your partner and therapist/ }).waitFor();
    await screenshot(page, 'messages-other-partner-list-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const screens = [await page.locator('body').innerText()];
    await page.getByRole('button', { name: /Just you and your therapist/ }).click();
    await page
      .getByRole('heading', { name: 'Just you and your therapist', level: 1 })
      .waitFor({ timeout: 15_000 });
    await page.getByText('No messages here yet.', { exact: false }).waitFor();
    screens.push(await page.locator('body').innerText());
    await screenshot(page, 'messages-other-partner-private-phone');
    await page.goto(`${webUrl()}/#/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    screens.push(await page.locator('body').innerText());
    for (const text of screens) {
      expect(text).not.toContain(privateNote);
      expect(text).not.toContain(reply);
    }
  }, 240_000);
});
