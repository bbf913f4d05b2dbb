import { openBrowser, screenshot, type BrowserSession } from './browser';
import { DEMO_PASSWORD, apiPost, apiUrl, seriousA11yViolations, signIn } from './stack';

const ADMIN = 'admin@harbor.test';
const HEADING = 'Your clinic at a glance';
/** In the demo data Sam Okafor treats one couple alone. */
const SAM = 'Sam Okafor, LMFT';
const SAM_COUPLE = 'Lucía & Mateo';

interface Figure {
  count: number;
  coupleIds: string[];
}

/** The demo seed writes its couples relative to the clock, so the period is too: a year to today. */
function pastYear(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(today.getTime() - 364 * 24 * 60 * 60 * 1000);
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

async function adminGet<T>(path: string): Promise<T> {
  const { accessToken } = (await apiPost('/auth/login', {
    email: ADMIN,
    password: DEMO_PASSWORD,
  })) as { accessToken: string };
  const response = await fetch(`${apiUrl()}${path}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

describe('clinic admin: the dashboard (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  afterEach(async () => {
    await browser.close();
  });

  it('shows the demo clinic’s real figures and opens the couples behind one', async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: HEADING, level: 1 }).waitFor({ timeout: 15_000 });

    const period = pastYear();
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(period.from);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(period.to);
    await page.getByRole('button', { name: 'Show' }).click();

    const figures = await adminGet<{
      couples: { active: Figure };
      therapists: Array<{ name: string; couples: Figure }>;
    }>(`/clinic-dashboard?${new URLSearchParams(period).toString()}`);
    const active = figures.couples.active;
    expect(active.count).toBeGreaterThan(0);
    const link = page.getByRole('link', {
      name: `Active in the period: ${active.count}. See these couples`,
    });
    await link.waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Outcomes per partner' }).waitFor();
    await screenshot(page, 'admin-dashboard-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A therapist's caseload is a part of the clinic, so following it shows the filter at work.
    const sam = figures.therapists.find((therapist) => therapist.name === SAM);
    if (!sam) throw new Error(`${SAM} is missing from the dashboard`);
    expect(sam.couples.count).toBeLessThan(active.count);
    const couples = await adminGet<Array<{ label: string }>>(
      `/couples?${new URLSearchParams({ filter: JSON.stringify({ id: sam.couples.coupleIds }) })}`,
    );
    // Other journeys may give Sam couples of their own; the figure and the list agree on them.
    expect(couples.map((couple) => couple.label)).toContain(SAM_COUPLE);
    expect(couples).toHaveLength(sam.couples.count);
    await page
      .getByRole('link', { name: `${SAM}: ${sam.couples.count}. See these couples` })
      .click();
    await page.getByRole('row').filter({ hasText: SAM_COUPLE }).waitFor({ timeout: 15_000 });
    // The header row and Sam's couples: nobody else's.
    await expect(page.getByRole('row').count()).resolves.toBe(sam.couples.count + 1);
    await screenshot(page, 'admin-dashboard-couples');
  });

  it('fits a phone', async () => {
    browser = await openBrowser({ width: 375, height: 812 });
    const { page } = browser;
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: HEADING, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Outcomes per partner' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'admin-dashboard-mobile');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('speaks Spanish', async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
    const { page } = browser;
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: HEADING, level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await page
      .getByRole('heading', { name: 'Tu clínica de un vistazo', level: 1 })
      .waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Resultados por persona' }).waitFor();
    await screenshot(page, 'admin-dashboard-desktop-es');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
