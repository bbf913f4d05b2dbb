import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';

describe('sign-in (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  afterEach(async () => {
    await browser.close();
  });

  it('signs a demo therapist in and shows their dashboard', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(webUrl());
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'login-desktop');
    await page.getByLabel('Email').fill('therapist1@harbor.test');
    await page.getByLabel('Password', { exact: true }).fill('MendDemo!2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Ana Reyes').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('Ana Reyes').first().isVisible()).toBe(true);
    await screenshot(page, 'dashboard-desktop');
  });

  it('refuses a wrong password with a message, on a phone-sized screen', async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    await page.goto(webUrl());
    await page.getByLabel('Email').fill('couple1.a@harbor.test');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByText(/do not match an account/i)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('login');
    await screenshot(page, 'login-error-mobile');
  });
});
