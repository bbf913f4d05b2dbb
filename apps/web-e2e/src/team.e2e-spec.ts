import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { linkFromMail, seriousA11yViolations, signIn, unique, waitForMail } from './stack';

const PHONE = { width: 375, height: 812 };

describe('clinic admin area and joining by invitation (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;
  // Shared by the two journeys: the admin invites this person, who then joins from the email.
  const invitee = { email: `${unique('therapist')}@harbor.test`, name: 'Dr. Robin Ashe' };

  afterEach(async () => {
    await browser.close();
  });

  it('invites a therapist from the Team page and finds it in the audit log', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, 'admin@harbor.test');
    await page
      .getByRole('heading', { name: 'Your clinic at a glance', level: 1 })
      .waitFor({ timeout: 15_000 });
    const menu = page.getByRole('navigation').or(page.locator('.RaSidebar-fixed'));
    for (const item of ['Dashboard', 'Team', 'Clinic settings', 'Audit log']) {
      await menu.getByRole('menuitem', { name: item }).first().waitFor();
    }
    await screenshot(page, 'admin-dashboard-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('menuitem', { name: 'Team' }).click();
    await page.getByText('therapist1@harbor.test').waitFor();
    await screenshot(page, 'team-list-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Invite' }).click();
    await page.waitForURL(/#\/users\/create/);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(invitee.email);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(invitee.name);
    await page.getByRole('radio', { name: 'Therapist' }).check();
    await screenshot(page, 'team-invite-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Invitation sent to ${invitee.email}.`).waitFor({ timeout: 15_000 });

    await page.getByPlaceholder('Search by name or email').fill(invitee.email);
    await page.getByText('1-1 of 1').waitFor({ timeout: 15_000 });
    const row = page.getByRole('row').filter({ hasText: invitee.email });
    await row.getByText('Invited').waitFor();
    await row.getByRole('button', { name: 'Resend invitation' }).waitFor();
    await screenshot(page, 'team-list-invited-desktop');

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByLabel('Kind of action').click();
    await page.getByRole('option', { name: 'People' }).click();
    // Filtered: sign-in rows (there is at least the admin's own) leave the list.
    await page
      .locator('tbody')
      .getByText('auth.login', { exact: true })
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 });
    const invited = page
      .getByRole('row')
      .filter({ hasText: 'user.invited' })
      .filter({ hasText: invitee.email });
    await invited.first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'audit-log-people-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await invited.first().click();
    await page.getByText('Audit event: user.invited').first().waitFor();
    await screenshot(page, 'audit-event-show-desktop');

    await page.getByRole('menuitem', { name: 'Clinic settings' }).click();
    const timeout = page.getByLabel('Sign out after inactivity (minutes)');
    await timeout.waitFor();
    expect(await page.getByLabel('Clinic name').inputValue()).toBe('Harbor Counseling');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await timeout.fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Must be at least 5').waitFor();
    await screenshot(page, 'clinic-settings-invalid-desktop');
    await timeout.fill('45');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Clinic settings saved.').waitFor({ timeout: 15_000 });
    await screenshot(page, 'clinic-settings-desktop');
    // Back to the seeded value, so the demo clinic stays as other journeys expect it.
    await page.getByText('Clinic settings saved.').waitFor({ state: 'hidden', timeout: 15_000 });
    await timeout.fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Clinic settings saved.').waitFor({ timeout: 15_000 });
  });

  it('lets the invited therapist join from the email link and sign in', async () => {
    const mail = await waitForMail(invitee.email, /accept-invitation\?token=/);
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await page.goto(linkFromMail(mail, 'accept-invitation'));
    await page
      .getByText('Harbor Counseling has invited you to Mend as a therapist.')
      .waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Your name').inputValue()).toBe(invitee.name);
    await screenshot(page, 'invitation-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill('Quiet-Lantern-2026');
    await page.getByLabel('Repeat the password').fill('Quiet-Lantern-2026');
    await page.getByRole('button', { name: 'Create my account' }).click();

    await page.getByText('Your account is ready.').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Email').inputValue()).toBe(invitee.email);
    await page.getByLabel('Password', { exact: true }).fill('Quiet-Lantern-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A therapist lands on their caseload; a new one has no couples yet.
    await page.getByText('No couples yet').waitFor({ timeout: 15_000 });
    await screenshot(page, 'invitation-joined-dashboard-mobile');

    // A therapist's menu has no admin areas, and their addresses say "access denied".
    await page.goto(`${webUrl()}/#/users`);
    await page
      .getByText(/Access denied|permission/i)
      .first()
      .waitFor({ timeout: 15_000 });
  });
});
