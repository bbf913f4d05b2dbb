import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { DEMO_PASSWORD, linkFromMail, seriousA11yViolations, waitForMail } from './stack';

const PHONE = { width: 375, height: 812 };
// A demo client that no other journey signs in as; the reset puts the demo password back.
const RESET_USER = 'couple3.b@harbor.test';

describe('public account pages (real stack, Debian Chromium, phone width)', () => {
  let browser: BrowserSession;

  beforeEach(async () => {
    browser = await openBrowser(PHONE);
  });

  afterEach(async () => {
    await browser.close();
  });

  it('the login page passes axe and links to the password reset request', async () => {
    const { page } = browser;
    await page.goto(webUrl());
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'login-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('nobody-at-all@harbor.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    // The same words whether or not an account uses the address.
    await page.getByText(/If an account uses that email/).waitFor();
    await screenshot(page, 'forgot-password-sent-mobile');
  });

  it('resets a password from the emailed link, refusing a common one on the field', async () => {
    const { page } = browser;
    await page.goto(`${webUrl()}/#/forgot-password`);
    await page.getByLabel('Email').fill(RESET_USER);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/If an account uses that email/).waitFor();

    const mail = await waitForMail(RESET_USER, /reset-password\?token=/);
    await page.goto(linkFromMail(mail, 'reset-password'));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByText('8 to 128 characters, and not a common password.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Long enough for the browser-side rules, refused by the server's common-password list.
    await page.getByLabel('New password', { exact: true }).fill('password');
    await page.getByLabel('Repeat the password').fill('password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('This password is too common. Please choose another.').waitFor();
    await screenshot(page, 'reset-password-weak-mobile');

    // Too short is caught before anything is sent.
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();

    await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Repeat the password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password has been changed.').waitFor({ timeout: 15_000 });
    await page.getByLabel('Email').fill(RESET_USER);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A partner lands on Today.
    await page.getByText('Hello, Mateo').waitFor({ timeout: 15_000 });
    await screenshot(page, 'client-dashboard-mobile');

    // The link works once.
    await page.goto(linkFromMail(mail, 'reset-password'));
    await page.getByLabel('New password', { exact: true }).fill('Another-Calm-Day-7');
    await page.getByLabel('Repeat the password').fill('Another-Calm-Day-7');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText(/This link has expired or was already used/).waitFor();
  });

  it('explains a missing or spent link on the reset and invitation pages', async () => {
    const { page } = browser;
    await page.goto(`${webUrl()}/#/reset-password`);
    await page.getByText(/This page needs the link from your email/).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await screenshot(page, 'reset-password-no-token-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${webUrl()}/#/accept-invitation?token=not-a-real-token`);
    await page.getByText(/This invitation has expired or was already used/).waitFor();
    await screenshot(page, 'invitation-spent-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
