import { openBrowser, screenshot, type BrowserSession } from './browser';
import { linkFromMail, seriousA11yViolations, signIn, unique, waitForMail } from './stack';

const INVITATION = /accept-invitation\?token=/;

/** The newest invitation link sent to `address` that is not `previous`. */
async function newLinkFor(address: string, previous: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const link = linkFromMail(await waitForMail(address, INVITATION), 'accept-invitation');
    if (link !== previous) return link;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`No new invitation to ${address}`);
}

describe('managing a couple from its page (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  afterEach(async () => {
    await browser.close();
  });

  it('resends an invitation, corrects an email, closes with a note and reopens', async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    const robin = `${unique('robin')}@e2e.test`;
    const alex = `${unique('alex')}@e2e.test`;
    const alexCorrected = `${unique('alex-right')}@e2e.test`;
    await signIn(page, 'therapist2@harbor.test');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Add a couple' }).first().click();
    await page.waitForURL(/#\/couples\/create/);
    const first = page.getByRole('group', { name: 'First partner' });
    const second = page.getByRole('group', { name: 'Second partner' });
    await first.getByRole('textbox', { name: 'Name' }).fill('Robin');
    await first.getByRole('textbox', { name: 'Email' }).fill(robin);
    await second.getByRole('textbox', { name: 'Name' }).fill('Alex');
    await second.getByRole('textbox', { name: 'Email' }).fill(alex);
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Robin & Alex' })
      .waitFor({ timeout: 15_000 });
    const firstLink = linkFromMail(await waitForMail(robin, INVITATION), 'accept-invitation');
    await waitForMail(alex, INVITATION);

    const manage = page.getByRole('region', { name: 'Managing this couple' });
    const rows = manage.getByTestId('invited-partner');
    await manage.getByText('Robin has not joined yet.').waitFor();
    await manage.getByText('Alex has not joined yet.').waitFor();
    await screenshot(page, 'therapist-couple-manage');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await rows
      .filter({ hasText: 'Robin' })
      .getByRole('button', { name: 'Resend invitation' })
      .click();
    await page.getByText('A new invitation is on its way to Robin.', { exact: false }).waitFor();
    expect(await newLinkFor(robin, firstLink)).not.toBe(firstLink);

    await rows.filter({ hasText: 'Alex' }).getByRole('button', { name: 'Correct email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct Alex’s email' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill(alexCorrected);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save and send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForMail(alexCorrected, INVITATION);

    await manage.getByRole('button', { name: 'Close couple' }).click();
    const closing = page.getByRole('dialog', { name: 'Close Robin & Alex' });
    await closing
      .getByRole('textbox', { name: 'Closing note (optional, only staff see it)' })
      .fill('They chose another clinic closer to home.');
    await closing.getByRole('button', { name: 'Close couple' }).click();
    await closing.waitFor({ state: 'detached' });
    await manage.getByText('Closing note: They chose another clinic closer to home.').waitFor();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    expect(await manage.getByTestId('invited-partner').count()).toBe(0);
    await screenshot(page, 'therapist-couple-closed');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await manage.getByRole('button', { name: 'Reopen couple' }).click();
    await page.getByText('The couple is open again.').waitFor();
    // Neither partner has joined, so the reopened couple waits for them again.
    await page.getByText('Invited', { exact: true }).first().waitFor();
    await manage.getByText('Robin has not joined yet.').waitFor();
  });
});
