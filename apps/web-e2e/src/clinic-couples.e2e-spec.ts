import { openBrowser, screenshot, type BrowserSession } from './browser';
import { DEMO_PASSWORD, apiPost, apiUrl, seriousA11yViolations, signIn } from './stack';

/** Harbor's third couple, treated by Sam Okafor alone in the demo data. */
const COUPLE = 'Lucía & Mateo';
const ANA = 'Dr. Ana Reyes';
const SAM = 'Sam Okafor, LMFT';

async function adminGet<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${apiUrl()}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Puts the demo couple back with Sam alone, whatever the journey left behind. */
async function restoreDemoTherapists(): Promise<void> {
  const { accessToken } = (await apiPost('/auth/login', {
    email: 'admin@harbor.test',
    password: DEMO_PASSWORD,
  })) as { accessToken: string };
  const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
  const [couple] = await adminGet<{ id: string }[]>(
    accessToken,
    `/couples?filter=${filter({ q: 'Lucía' })}`,
  );
  const therapists = await adminGet<{ id: string; displayName: string }[]>(
    accessToken,
    `/users?filter=${filter({ role: 'therapist' })}`,
  );
  const sam = therapists.find((therapist) => therapist.displayName === SAM);
  if (!couple || !sam) throw new Error('the demo couple or therapist is missing');
  const response = await fetch(`${apiUrl()}/couples/${couple.id}/therapists`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ therapistIds: [sam.id] }),
  });
  if (!response.ok) throw new Error(`reassigning back answered ${response.status}`);
}

describe('clinic admin: couples and a therapist’s page (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  beforeEach(async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
  });

  afterEach(async () => {
    await browser.close();
    await restoreDemoTherapists();
  });

  it('reassigns a couple’s therapists from the couples list and from a therapist’s page', async () => {
    const { page } = browser;
    await signIn(page, 'admin@harbor.test');
    await page
      .getByRole('heading', { name: 'Your clinic at a glance', level: 1 })
      .waitFor({ timeout: 15_000 });
    await page.getByRole('menuitem', { name: 'Couples' }).click();
    const row = page.getByRole('row').filter({ hasText: COUPLE });
    await row.waitFor({ timeout: 15_000 });
    await expect(row.innerText()).resolves.toContain(SAM);
    await expect(row.innerText()).resolves.not.toContain(ANA);
    await screenshot(page, 'admin-couples-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Reassign therapists for ${COUPLE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Therapists for ${COUPLE}` });
    await dialog.getByRole('checkbox', { name: SAM }).waitFor();
    await expect(dialog.getByRole('checkbox', { name: SAM }).isChecked()).resolves.toBe(true);
    // A couple is never left without a therapist: clearing every box disables saving.
    await dialog.getByRole('checkbox', { name: SAM }).uncheck();
    await expect(
      dialog.getByRole('button', { name: 'Save therapists' }).isDisabled(),
    ).resolves.toBe(true);
    await dialog.getByRole('checkbox', { name: SAM }).check();
    await dialog.getByRole('checkbox', { name: ANA }).check();
    await screenshot(page, 'admin-couples-reassign-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save therapists' }).click();
    await page.getByText(`Therapists for ${COUPLE} updated.`).waitFor({ timeout: 15_000 });
    await row.filter({ hasText: ANA }).waitFor({ timeout: 15_000 });

    // Ana's page now lists the couple; she hands it back to Sam from there.
    await page.getByRole('menuitem', { name: 'Team' }).click();
    await page.getByRole('row').filter({ hasText: 'therapist1@harbor.test' }).click();
    await page.waitForURL(/#\/users\/[^/]+\/show$/);
    const herCouple = page.getByRole('row').filter({ hasText: COUPLE });
    await herCouple.waitFor({ timeout: 15_000 });
    await screenshot(page, 'admin-user-show-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await herCouple.getByRole('button', { name: `Reassign therapists for ${COUPLE}` }).click();
    const again = page.getByRole('dialog', { name: `Therapists for ${COUPLE}` });
    await again.getByRole('checkbox', { name: ANA }).uncheck();
    await again.getByRole('button', { name: 'Save therapists' }).click();
    await herCouple.waitFor({ state: 'detached', timeout: 15_000 });
  });
});
