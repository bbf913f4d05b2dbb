import type { Page } from 'playwright-core';

import { webUrl } from './browser';
import { DEMO_PASSWORD, apiPost, apiUrl } from './stack';

/** The client area's steps that several journeys share. */

/** The first not-yet-done card of an exercise on Today (for today, still open or coming up). */
function openCard(page: Page, title: string) {
  return page
    .locator(
      'section[aria-label="For today"], section[aria-label="Still open"], section[aria-label="Coming up"]',
    )
    .getByRole('link', { name: new RegExp(title) })
    .first();
}

/**
 * The next occurrence of an exercise this partner has not answered yet, through the API: Today
 * shows a short look ahead, so on a rerun against the same data the next one may be a week away.
 */
export async function nextOpenOccurrence(email: string, title: string): Promise<string> {
  const login = (await apiPost('/auth/login', { email, password: DEMO_PASSWORD })) as {
    accessToken: string;
  };
  const query = new URLSearchParams({
    filter: JSON.stringify({ mine: true, from: new Date(Date.now() - 86_400_000).toISOString() }),
    sort: JSON.stringify(['dueAt', 'ASC']),
    range: JSON.stringify([0, 99]),
  });
  const response = await fetch(`${apiUrl()}/occurrences?${query.toString()}`, {
    headers: { Authorization: `Bearer ${login.accessToken}` },
  });
  const rows = (await response.json()) as Array<{
    id: string;
    exerciseTitle: string;
    state: string;
  }>;
  const row = rows.find((o) => o.exerciseTitle === title && o.state !== 'done');
  if (!row) throw new Error(`No open "${title}" for ${email}`);
  return row.id;
}

/** One tap from Today when the exercise is there; otherwise (a rerun) its next occurrence. */
export async function openExercise(page: Page, email: string, title: string): Promise<void> {
  await page.getByRole('region').first().waitFor({ timeout: 15_000 });
  const card = openCard(page, title);
  if ((await card.count()) > 0) {
    await card.click();
  } else {
    await page.goto(`${webUrl()}/#/exercise/${await nextOpenOccurrence(email, title)}`);
  }
  await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 15_000 });
}
