import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { linkFromMail, seriousA11yViolations, signIn, unique, waitForMail } from './stack';

const PHONE = { width: 375, height: 812 };
const PASSWORD = 'Quiet-Lantern-2026';

describe('clinic signup with email verification (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('lays the signup form out on a desktop, in English and Spanish, without accessibility problems', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${webUrl()}/#/signup`);
    await page.getByRole('heading', { name: 'Start your clinic on Mend' }).waitFor();
    await screenshot(page, 'signup-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same page in Spanish, from the switch under the card.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Abre tu clínica en Mend' }).waitFor();
    await page.getByLabel('Zona horaria de la clínica').waitFor();
    await screenshot(page, 'signup-desktop-es');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('signs a clinic up from the login page, verifies the emailed link and enrols MFA at first sign-in', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    const adminEmail = `${unique('signup')}@e2e.test`;

    await page.goto(webUrl());
    await page.getByRole('link', { name: 'New to Mend? Set up your clinic' }).click();
    await page.getByRole('heading', { name: 'Start your clinic on Mend' }).waitFor();
    await page.getByLabel('Clinic name').fill(`Signup Clinic ${unique('c')}`);
    await page.getByLabel('Clinic time zone').fill('Madrid');
    await page.getByRole('option', { name: /^Europe\/Madrid/ }).click();
    await page.getByLabel('Your name').fill('Robin Ash');
    await page.getByLabel('Your work email').fill(adminEmail);

    // Long enough for the browser's rules; the server's common-password list refuses it, and
    // its `{ message, fields }` answer lands on the password field.
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByLabel('Repeat the password').fill('password');
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByText('This password is too common. Please choose another.').waitFor();
    await screenshot(page, 'signup-weak-password-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor({ timeout: 15_000 });
    await page.getByText(`We sent a link to ${adminEmail}.`, { exact: false }).waitFor();
    await screenshot(page, 'signup-check-email-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const mail = await waitForMail(adminEmail, /verify-email\?token=/);
    const link = linkFromMail(mail, 'verify-email');
    await page.goto(link);
    await page.getByText(/Your email is confirmed and your clinic is ready/).waitFor({
      timeout: 15_000,
    });
    await screenshot(page, 'verify-email-done-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The page's own way on: to sign in.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').waitFor();

    // The link works once: opening it again says so and points back to sign in.
    await page.goto(link);
    await page.getByText(/This link has expired or was already used/).waitFor();
    await screenshot(page, 'verify-email-spent-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(link.replace(/token=[^&]+/, 'token=not-a-real-token'));
    await page.getByText(/This link has expired or was already used/).waitFor();
    await page.getByRole('link', { name: 'Back to sign in' }).waitFor();

    // New clinics require MFA: the first sign-in goes straight to enrolment.
    await signIn(page, adminEmail, PASSWORD);
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor({
      timeout: 15_000,
    });
    await screenshot(page, 'signup-mfa-enrol-mobile');
  });
});
