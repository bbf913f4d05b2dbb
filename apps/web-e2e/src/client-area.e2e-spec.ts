import type { Page } from 'playwright-core';

import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { nextOpenOccurrence, openExercise } from './client-steps';
import { seriousA11yViolations, signIn, signOut, unique } from './stack';

const PHONE = { width: 375, height: 812 };
const CHECK_IN = 'Daily check-in';

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

    browser = await openBrowser(PHONE);
    let page = browser.page;
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    // Sections appear once the list has loaded (which ones depends on what is left today).
    await page.getByRole('region').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-today-phone');
    await expectNoSeriousViolations(page);

    await openExercise(page, 'couple1.a@harbor.test', CHECK_IN);
    await page.getByRole('heading', { name: CHECK_IN, level: 1 }).waitFor();
    const occurrenceUrl = page.url();

    // Shared with Casey: how I feel today (7 out of 10).
    const mood = page.getByRole('group', { name: /^How are you feeling today, overall\?/ });
    await mood.getByRole('button', { name: '7', exact: true }).click();
    await page
      .getByRole('group', { name: /Who can read your answer to “How are you feeling today/ })
      .getByRole('button', { name: 'Casey too' })
      .click();
    await page
      .getByRole('group', { name: /^How connected did you feel to your partner today\?/ })
      .getByRole('button', { name: '6', exact: true })
      .click();
    // Private to the therapist: the written answer carrying the marker.
    await page
      .getByRole('textbox', { name: /One thing your partner could do tomorrow/ })
      .fill(`Sit with me after dinner. ${privateMarker}`);
    await page
      .getByRole('group', { name: /Who can read your answer to “One thing your partner/ })
      .getByRole('button', { name: 'Only my therapist' })
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
    const newest = page.getByRole('link', { name: new RegExp(CHECK_IN) }).first();
    await newest.waitFor({ timeout: 15_000 });
    await expect(newest.innerText()).resolves.toContain('Jordan shared answers');
    await screenshot(page, 'client-history-partner-phone');
    await expectNoSeriousViolations(page);

    await newest.click();
    await page.waitForURL(occurrenceUrl);
    const shared = page.locator('.MuiCard-root').filter({
      has: page.getByRole('heading', { name: 'What Jordan shared with you' }),
    });
    await shared.waitFor({ timeout: 15_000 });
    await expect(shared.innerText()).resolves.toMatch(
      /How are you feeling today, overall\?\s*7 out of 10/,
    );
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(privateMarker);
    expect(text).not.toContain('Sit with me after dinner.');
    await screenshot(page, 'client-partner-sees-shared-phone');
  });

  it('keeps a draft through a reload, from the server and from the device', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    await openExercise(page, 'couple1.a@harbor.test', CHECK_IN);
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

  it('forgets an unsent draft at sign-out, so the next person on the phone sees none of it', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    const draftKeys = () =>
      page.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.startsWith('mend.client.draft.')),
      );
    await signIn(page, 'couple1.a@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Jordan' }).waitFor({ timeout: 15_000 });
    await openExercise(page, 'couple1.a@harbor.test', CHECK_IN);
    const unsent = `Only for this phone ${unique('unsent')}`;
    await page
      .getByRole('textbox', { name: /One thing your partner could do tomorrow/ })
      .fill(unsent);
    // Typed, and kept on the device before any server save.
    await expect(draftKeys()).resolves.toHaveLength(1);

    // The app bar hides while the form is scrolled; back at the top it shows the profile menu.
    await page.evaluate(() => window.scrollTo(0, 0));
    await signOut(page);
    await expect(draftKeys()).resolves.toEqual([]);
    await expect(
      page.evaluate(() => window.localStorage.getItem('mend.session')),
    ).resolves.toBeNull();

    await signIn(page, 'couple1.b@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Casey' }).waitFor({ timeout: 15_000 });
    await openExercise(page, 'couple1.b@harbor.test', CHECK_IN);
    await expect(
      page.getByRole('textbox', { name: /One thing your partner could do tomorrow/ }).inputValue(),
    ).resolves.not.toContain(unsent);
    await expect(page.locator('body').innerText()).resolves.not.toContain(unsent);
    await screenshot(page, 'client-next-person-after-sign-out-phone');
  });

  it('speaks Spanish to a Spanish-speaking partner', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple3.a@northside.test');
    await page.getByRole('heading', { name: 'Hola, Lucía' }).waitFor({ timeout: 15_000 });
    // Which sections Today shows depends on the hour (today's work may all be past due by
    // evening), so wait for any of them.
    await page
      .getByText(
        /^(Para hoy|Aún pendiente|Próximamente|Hecho recientemente|No tienes nada pendiente)/,
      )
      .first()
      .waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await screenshot(page, 'client-today-es-phone');
    await expectNoSeriousViolations(page);
  });

  it('shows the exercise itself in Spanish, on Today and on its page', async () => {
    const checkIn = 'Cómo estás hoy';
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple3.a@northside.test');
    await page.getByRole('heading', { name: 'Hola, Lucía' }).waitFor({ timeout: 15_000 });
    await page.getByRole('region').first().waitFor({ timeout: 15_000 });
    const card = page.getByRole('link', { name: new RegExp(checkIn) }).first();
    await card.waitFor({ timeout: 15_000 });
    expect(await page.locator('body').innerText()).not.toContain(CHECK_IN);
    await screenshot(page, 'client-today-exercise-es-phone');

    await page.goto(
      `${webUrl()}/#/exercise/${await nextOpenOccurrence('couple3.a@northside.test', checkIn)}`,
    );
    await page.getByRole('heading', { name: checkIn, level: 1 }).waitFor({ timeout: 15_000 });
    const mood = page.getByRole('group', { name: /^¿Cómo te sientes hoy, en general\?/ });
    await mood.getByText('Muy mal').waitFor();
    await page.getByText('Busca un momento tranquilo', { exact: false }).first().waitFor();
    await page.getByText('Tranquilidad', { exact: true }).waitFor();
    const text = await page.locator('body').innerText();
    for (const english of ['How are you feeling today', 'Really struggling', 'Hopeful']) {
      expect(text).not.toContain(english);
    }
    await screenshot(page, 'client-exercise-es-phone');
    await expectNoSeriousViolations(page);
  });

  it('opens the private safety check from Today and confirms it quietly', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, 'couple3.a@harbor.test');
    await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
    await page
      .getByRole('button', { name: 'Do you feel unsafe? Tell your therapist privately' })
      .click();
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
    await signIn(page, 'couple1.b@harbor.test');
    await page.getByRole('heading', { name: 'Hello, Casey' }).waitFor({ timeout: 15_000 });
    await page.goto(`${webUrl()}/#/promises`);
    await page.getByRole('heading', { name: 'Promises', level: 1 }).waitFor();
    await page
      .getByRole('heading', { name: 'How promises have gone' })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-promises-phone');
    await expectNoSeriousViolations(page);

    // Jordan's open promises ask Casey how they went (the seed has at least one; reruns use up
    // one each time, so the check runs while any is left).
    const toConfirm = page
      .getByRole('listitem')
      .filter({ hasText: 'Jordan promised' })
      .filter({ has: page.getByRole('button', { name: 'Kept', exact: true }) });
    if ((await toConfirm.count()) > 0) {
      const item = toConfirm.first();
      const description = await item.locator('p').nth(1).innerText();
      await item.getByRole('button', { name: 'Kept', exact: true }).click();
      await item
        .getByRole('textbox', { name: /Anything you would like to add/ })
        .fill('Thank you.');
      await item.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('listitem')
        .filter({ hasText: description })
        .getByText('Kept', { exact: true })
        .waitFor({ timeout: 15_000 });
    }

    const promise = `Cook dinner together on Friday ${unique('p')}`;
    await page.getByRole('textbox', { name: 'I promise to…' }).fill(promise);
    await page.getByRole('button', { name: 'Make this promise' }).click();
    await page.getByText('Your promise is in the ledger.').waitFor({ timeout: 15_000 });
    await page
      .getByRole('listitem')
      .filter({ hasText: 'You promised' })
      .filter({ hasText: promise })
      .waitFor({ timeout: 15_000 });
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
