import type { Page } from 'playwright-core';

import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { seriousA11yViolations, signIn, unique } from './stack';

const PHONE = { width: 375, height: 812 };
const WEEKLY = 'How steady did this week feel?';

/** The first not-yet-done card of an exercise on Today (for today, still open or coming up). */
function openCard(page: Page, title: string) {
  return page
    .locator(
      'section[aria-label="For today"], section[aria-label="Still open"], section[aria-label="Coming up"]',
    )
    .getByRole('link', { name: new RegExp(title) })
    .first();
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('client area on a phone (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('answers with one private and one shared answer; the partner sees only the shared one', async () => {
    const privateMarker = unique('private-marker');
    const sharedText = `Shared: ${unique('a-walk-on-sunday')}`;

    browser = await openBrowser(PHONE);
    let page = browser.page;
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'For today' }).waitFor();
    await screenshot(page, 'client-today-phone');
    await expectNoSeriousViolations(page);

    await openCard(page, WEEKLY).click();
    await page.getByRole('heading', { name: WEEKLY, level: 1 }).waitFor();
    const reliable = page.getByRole('textbox', { name: /Something from this week that felt reliable/ });
    await reliable.fill(`The evening you called. ${privateMarker}`);
    await page
      .getByRole('group', { name: /Who can read your answer to “Something from this week/ })
      .getByRole('button', { name: 'Only my therapist' })
      .click();
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('radio', { name: 'Mostly' }).check();
    await page
      .getByRole('textbox', { name: /One small thing that would make next week feel steadier/ })
      .fill(sharedText);
    await page
      .getByRole('group', { name: /Who can read your answer to “One small thing/ })
      .getByRole('button', { name: 'Casey too' })
      .click();
    await page.getByText('Draft saved').waitFor({ timeout: 10_000 });
    await screenshot(page, 'client-exercise-form-phone');
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you. That is done.').waitFor({ timeout: 15_000 });
    await page.getByText(privateMarker).waitFor();
    await screenshot(page, 'client-exercise-submitted-phone');
    await browser.close();

    browser = await openBrowser(PHONE);
    page = browser.page;
    await signIn(page, 'couple1.b@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Casey' }).waitFor({ timeout: 15_000 });
    await page.goto(`${webUrl()}/#/history`);
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(`${WEEKLY}.*Jordan shared answers`) })
      .first()
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-history-partner-phone');
    await expectNoSeriousViolations(page);

    await page
      .getByRole('link', { name: new RegExp(`${WEEKLY}.*Jordan shared answers`) })
      .first()
      .click();
    await page.getByText(sharedText).waitFor({ timeout: 15_000 });
    await page.getByText('What Jordan shared with you').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(sharedText);
    expect(text).not.toContain(privateMarker);
    expect(text).not.toContain('The evening you called.');
    await screenshot(page, 'client-partner-sees-shared-phone');
  });

  it('keeps a draft through a reload, from the server and from the device', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    await openCard(page, 'Daily check-in').click();
    const field = page.getByRole('textbox', { name: /One thing your partner could do tomorrow/ });
    const saved = `Ask me about my day ${unique('draft')}`;
    await field.fill(saved);
    await page.getByText('Draft saved').waitFor({ timeout: 10_000 });
    await page.reload();
    await expect(field.inputValue()).resolves.toBe(saved);

    // Typed and reloaded before the server save: the device's own copy brings it back.
    const local = `${saved} and listen`;
    await field.fill(local);
    await page.reload();
    await expect(field.inputValue()).resolves.toBe(local);
    await page.getByText('Draft saved').waitFor({ timeout: 10_000 });
    await screenshot(page, 'client-draft-restored-phone');
  });

  it('speaks Spanish to a Spanish-speaking partner', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple3.a@northside.test');
    await page.getByRole('heading', { name: 'Hola, Lucía' }).waitFor({ timeout: 15_000 });
    await page.getByText('Para hoy').or(page.getByText('No tienes nada pendiente')).first().waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await screenshot(page, 'client-today-es-phone');
    await expectNoSeriousViolations(page);
  });

  it('opens the private safety check from Today and confirms it quietly', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple3.a@harbor.test');
    await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Do you feel unsafe? Tell your therapist privately' }).click();
    const dialog = page.getByRole('dialog', { name: 'Do you feel unsafe?' });
    await dialog.getByText('Only your therapist will see this.').waitFor();
    await dialog.getByText(/emergency number/).waitFor();
    await screenshot(page, 'client-safety-dialog-phone');
    await expectNoSeriousViolations(page);
    await dialog.getByRole('textbox').fill('I would like to talk before our next session.');
    await dialog.getByRole('button', { name: 'Send privately to my therapist' }).click();
    await dialog.getByText('Your therapist has been told.').waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-safety-received-phone');
  });

  it('keeps the promise ledger: confirm the partner’s promise, make one', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple2.b@harbor.test');
    await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
    await page.goto(`${webUrl()}/#/promises`);
    await page.getByRole('heading', { name: 'Promises', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'How promises have gone' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-promises-phone');
    await expectNoSeriousViolations(page);

    const promise = `Cook dinner together on Friday ${unique('p')}`;
    await page.getByRole('textbox', { name: 'I promise to…' }).fill(promise);
    await page.getByRole('button', { name: 'Make this promise' }).click();
    await page.getByText(promise).waitFor({ timeout: 15_000 });

    const partnerOpen = page
      .getByRole('listitem')
      .filter({ hasText: /promised/ })
      .filter({ has: page.getByRole('group') })
      .first();
    if ((await partnerOpen.count()) > 0) {
      await partnerOpen.getByRole('button', { name: 'Kept', exact: true }).click();
      await partnerOpen.getByRole('button', { name: 'Save' }).click();
      await partnerOpen.waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    }
    await screenshot(page, 'client-promises-after-phone');
  });

  it('works on a desktop too (Today and History)', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, 'couple2.a@harbor.test');
    await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Feeling unsafe?' }).waitFor();
    await screenshot(page, 'client-today-desktop');
    await page.getByRole('menuitem', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await page.getByRole('listitem').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-history-desktop');
    await expectNoSeriousViolations(page);
  });
});
