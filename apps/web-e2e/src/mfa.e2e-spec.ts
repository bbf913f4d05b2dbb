import { openBrowser, screenshot, type BrowserSession } from './browser';
import { newClinic, seriousA11yViolations, signIn, signOut, totpCode, totpStep } from './stack';

const PHONE = { width: 375, height: 812 };

describe('sign-in with MFA (real stack, Debian Chromium, phone width)', () => {
  let browser: BrowserSession;

  afterEach(async () => {
    await browser.close();
  });

  it('enrols a new clinic admin, shows recovery codes once, then verifies the next sign-in', async () => {
    const { adminEmail, password } = await newClinic();
    browser = await openBrowser(PHONE);
    const { page } = browser;

    await signIn(page, adminEmail, password);
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    const qr = page.getByRole('img', { name: /QR code to add Mend/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const codeField = page.getByLabel('6-digit code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    await screenshot(page, 'mfa-enrol-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The secret a person would type by hand: shown in groups of four.
    const shown = (await page.getByTestId('mfa-secret').textContent()) ?? '';
    const secret = shown.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code keeps the person on the step with a clear message.
    const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText(/That code did not work/).waitFor();
    await screenshot(page, 'mfa-enrol-wrong-code-mobile');

    const enrolledAt = Date.now();
    await codeField.fill(totpCode(secret, enrolledAt));
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Download .txt' }).waitFor();
    await screenshot(page, 'mfa-recovery-codes-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /saved them, continue/ }).click();
    await page
      .getByRole('heading', { name: 'Your clinic at a glance', level: 1 })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'mfa-dashboard-mobile');

    // The page never keeps recovery codes: a reload must not show them again.
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(codes[0]);

    await signOut(page);

    // Second sign-in: a code from the app. Each 30-s step is accepted once, so if enrolment used
    // this step, the next step's code is the fresh one (the server allows one step of drift).
    await signIn(page, adminEmail, password);
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).waitFor();
    await screenshot(page, 'mfa-verify-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const at = totpStep() === totpStep(enrolledAt) ? Date.now() + 30_000 : Date.now();
    await page.getByLabel('6-digit code').fill(totpCode(secret, at));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .getByRole('heading', { name: 'Your clinic at a glance', level: 1 })
      .waitFor({ timeout: 15_000 });

    // Third sign-in: the phone is "lost", so one of the saved recovery codes.
    await signOut(page);
    await signIn(page, adminEmail, password);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0] ?? '');
    await screenshot(page, 'mfa-recovery-code-entry-mobile');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .getByRole('heading', { name: 'Your clinic at a glance', level: 1 })
      .waitFor({ timeout: 15_000 });
  });
});
