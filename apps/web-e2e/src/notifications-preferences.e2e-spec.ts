import type { Page } from 'playwright-core';
import { addDays, todayIn } from '@mend/shared-schedule';

import { openBrowser, screenshot, type BrowserSession } from './browser';
import {
  DEMO_PASSWORD,
  apiPost,
  apiUrl,
  seriousA11yViolations,
  signIn,
  userMenuButton,
} from './stack';

const PHONE = { width: 375, height: 812 };
// Priya (Harbor couple 2) gets the reminders; nobody else's journey reads her notifications.
const PARTNER = 'couple2.a@harbor.test';
const THERAPIST = 'therapist1@harbor.test';
// A partner no other journey signs in as: her language and time zone change here.
const PREFERENCES_PARTNER = 'couple1.a@northside.test';
const EXERCISE = 'Listen and reflect back';
// The worker plans on one minute tick and sends on the next.
const WORKER_WAIT_MS = 180_000;

async function token(email: string): Promise<string> {
  const login = (await apiPost('/auth/login', { email, password: DEMO_PASSWORD })) as {
    accessToken: string;
  };
  return login.accessToken;
}

async function api<T>(method: 'GET' | 'PUT', path: string, bearer: string, body?: unknown) {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

const list = (filter: object, range: [number, number] = [0, 99]) =>
  new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(range) }).toString();

interface Notification {
  id: string;
  occurrenceId: string | null;
}

/**
 * Real reminders for the partner, made the way the product makes them: the therapist assigns an
 * exercise due today and tomorrow with a due-soon nudge two days ahead (so both nudges are due
 * already), and the running worker plans and sends them. The partner's own quiet hours are
 * switched off first (same start and end), so the run does not depend on the hour of the day.
 * Returns the occurrence ids the nudges are about.
 */
async function remindersForPartner(): Promise<string[]> {
  const [partner, therapist] = await Promise.all([token(PARTNER), token(THERAPIST)]);
  await api('PUT', '/account/preferences', partner, {
    quietHoursStart: '00:00',
    quietHoursEnd: '00:00',
  });
  const [couple] = await api<Array<{ id: string; timeZone: string }>>('GET', '/couples', partner);
  if (!couple) throw new Error(`${PARTNER} has no couple`);
  const exercises = await api<Array<{ id: string; title: string }>>(
    'GET',
    `/exercises?${list({ q: EXERCISE })}`,
    therapist,
  );
  const exercise = exercises.find((e) => e.title === EXERCISE);
  if (!exercise) throw new Error(`No "${EXERCISE}" in the library`);
  const today = todayIn(couple.timeZone);
  const assignment = (await apiPost(
    '/assignments',
    {
      coupleId: couple.id,
      exerciseId: exercise.id,
      completionMode: 'each',
      startDate: today,
      endDate: addDays(today, 1),
      recurrence: { kind: 'daily' },
      dueTime: '23:59',
      reminderPolicy: {
        dueSoon: { kind: 'before_due', minutes: 2 * 24 * 60 },
        overdueAfterMinutes: null,
      },
    },
    therapist,
  )) as { id: string };
  const occurrences = await api<Array<{ id: string }>>(
    'GET',
    `/occurrences?${list({ assignmentId: assignment.id })}`,
    therapist,
  );
  const ids = occurrences.map((o) => o.id);
  expect(ids).toHaveLength(2);

  // Other nudges replanned with the new quiet hours go out on the same tick; waiting until the
  // count holds still keeps them from landing between two looks at the bell.
  const deadline = Date.now() + WORKER_WAIT_MS;
  let previousCount = -1;
  for (;;) {
    const unread = await api<Notification[]>(
      'GET',
      `/notifications?${list({ unread: true })}`,
      partner,
    );
    const arrived = ids.every((id) => unread.some((n) => n.occurrenceId === id));
    if (arrived && unread.length === previousCount) return ids;
    previousCount = arrived ? unread.length : -1;
    if (Date.now() > deadline) {
      throw new Error(`The worker sent no reminder for ${ids.join(', ')} in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

const bell = (page: Page) => page.getByRole('link', { name: /^Notifications, / });

async function unreadOnBell(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  const match = /(\d+) unread/.exec(name);
  return match ? Number(match[1]) : 0;
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('notifications and preferences (real stack and worker, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it(
    'a partner sees the unread count, opens a reminder, lands on the exercise, and marks all read',
    async () => {
      const occurrenceIds = await remindersForPartner();

      browser = await openBrowser(PHONE);
      const { page } = browser;
      await signIn(page, PARTNER);
      await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
      await page
        .getByRole('link', { name: /^Notifications, \d+ unread$/ })
        .waitFor({ timeout: 15_000 });
      const before = await unreadOnBell(page);
      expect(before).toBeGreaterThanOrEqual(2);

      await bell(page).click();
      await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      const reminders = page.getByRole('link', { name: `“${EXERCISE}” is coming up` });
      await reminders.first().waitFor({ timeout: 15_000 });
      await expect(reminders.count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(reminders.first().innerText()).resolves.toMatch(/unread/i);
      await screenshot(page, 'notifications-feed-phone');
      await expectNoSeriousViolations(page);

      await reminders.first().click();
      await page.waitForURL(/#\/exercise\//);
      expect(occurrenceIds).toContain(decodeURIComponent(page.url().split('/').pop() ?? ''));
      await page.getByRole('heading', { name: EXERCISE, level: 1 }).waitFor({ timeout: 15_000 });
      // `before` is at least 2, so one is still unread.
      await page
        .getByRole('link', { name: `Notifications, ${before - 1} unread`, exact: true })
        .waitFor({ timeout: 15_000 });

      await bell(page).click();
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('link', { name: 'Notifications, nothing unread' }).waitFor();
      await expect(
        page.getByRole('button', { name: 'Mark all as read' }).isDisabled(),
      ).resolves.toBe(true);
      await expect(reminders.first().innerText()).resolves.not.toMatch(/unread/i);
      await screenshot(page, 'notifications-all-read-phone');
    },
    WORKER_WAIT_MS + 60_000,
  );

  it('a therapist has the bell and the feed, and preferences in the user menu', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, THERAPIST);
    await bell(page).waitFor({ timeout: 15_000 });
    await bell(page).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    // Digests and escalations come on the therapist's own clock; either they are listed, or the
    // empty state says what will appear.
    await page
      .getByRole('list', { name: 'Notifications' })
      .or(page.getByText('No notifications yet'))
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'notifications-feed-therapist-desktop');
    await expectNoSeriousViolations(page);

    await userMenuButton(page).click();
    await page.getByRole('menuitem', { name: 'Preferences' }).click();
    await page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
    await page.getByLabel('Time zone').waitFor({ timeout: 15_000 });
    // The daily reminder time moves partners' nudges only, so staff are not asked for it.
    await expect(page.getByLabel('Daily reminder time').count()).resolves.toBe(0);
    await page.getByLabel('Also by email').waitFor();
    await screenshot(page, 'preferences-therapist-desktop');
  });

  describe('preferences on a phone', () => {
    let original: Record<string, unknown>;
    let partner: string;

    beforeAll(async () => {
      partner = await token(PREFERENCES_PARTNER);
      original = await api('GET', '/account/preferences', partner);
    });

    afterAll(async () => {
      // Leave the demo account as the seed made it, for whoever signs in next.
      await api('PUT', '/account/preferences', partner, original);
    });

    it('saves every setting, keeps them through a reload, and switches to Spanish', async () => {
      browser = await openBrowser(PHONE);
      const { page } = browser;
      await signIn(page, PREFERENCES_PARTNER);
      await page.getByRole('heading', { name: /^Hello, / }).waitFor({ timeout: 15_000 });
      await userMenuButton(page).click();
      await page.getByRole('menuitem', { name: 'Preferences' }).click();
      await page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
      const zone = page.getByLabel('Time zone');
      await zone.waitFor({ timeout: 15_000 });
      await page.getByText('In Mend: always on.').waitFor();
      await screenshot(page, 'preferences-phone');
      await expectNoSeriousViolations(page);

      await zone.fill('Tokyo');
      await page.getByRole('option', { name: /^Asia\/Tokyo/ }).click();
      await page.getByLabel('Daily reminder time').fill('07:45');
      await page.getByLabel('From', { exact: true }).fill('22:30');
      await page.getByLabel('To', { exact: true }).fill('06:15');
      await page.getByLabel('Also by email').uncheck();
      await page.getByRole('radio', { name: 'Español' }).check();
      await page.getByRole('button', { name: 'Save preferences' }).click();

      await page.getByText('Tus preferencias están guardadas.').waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { name: 'Preferencias', level: 1 }).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Preferencias', level: 1 }).waitFor();
      const zoneEs = page.getByLabel('Zona horaria');
      await zoneEs.waitFor({ timeout: 15_000 });
      await expect(zoneEs.inputValue()).resolves.toMatch(/^Asia\/Tokyo/);
      await expect(page.getByLabel('Hora del recordatorio diario').inputValue()).resolves.toBe(
        '07:45',
      );
      await expect(page.getByLabel('Desde', { exact: true }).inputValue()).resolves.toBe('22:30');
      await expect(page.getByLabel('Hasta', { exact: true }).inputValue()).resolves.toBe('06:15');
      await expect(page.getByLabel('También por correo electrónico').isChecked()).resolves.toBe(
        false,
      );
      await expect(page.getByRole('radio', { name: 'Español' }).isChecked()).resolves.toBe(true);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
      await expect(
        api<Record<string, unknown>>('GET', '/account/preferences', partner),
      ).resolves.toEqual({
        timeZone: 'Asia/Tokyo',
        locale: 'es',
        reminderTime: '07:45',
        quietHoursStart: '22:30',
        quietHoursEnd: '06:15',
        emailReminders: false,
      });
      await screenshot(page, 'preferences-saved-es-phone');
      await expectNoSeriousViolations(page);
    });

    it('shows the server’s refusal on the field it names', async () => {
      browser = await openBrowser(PHONE);
      const { page } = browser;
      await signIn(page, PREFERENCES_PARTNER);
      await page.getByRole('heading', { name: /^(Hello|Hola), / }).waitFor({ timeout: 15_000 });
      await userMenuButton(page).click();
      await page.getByRole('menuitem', { name: /^(Preferences|Preferencias)$/ }).click();
      const lang = (await page.locator('html').getAttribute('lang')) ?? 'en';
      const to = lang === 'es' ? 'Hasta' : 'To';
      const from = lang === 'es' ? 'Desde' : 'From';
      await page.getByLabel(from, { exact: true }).fill('21:00');
      // Quiet hours with a start and no end: the server refuses the pair and names the end.
      await page.getByLabel(to, { exact: true }).fill('');
      await page.getByRole('button', { name: /^(Save preferences|Guardar preferencias)$/ }).click();
      const message =
        lang === 'es'
          ? 'Las horas de silencio necesitan un inicio y un final, o ninguno de los dos.'
          : 'Quiet hours need both a start and an end, or neither.';
      const field = page
        .locator('.MuiFormControl-root')
        .filter({ has: page.getByLabel(to, { exact: true }) });
      await field.getByText(message).waitFor({ timeout: 15_000 });
      await expect(page.getByLabel(to, { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await screenshot(page, 'preferences-field-error-phone');
      const stored = await api<Record<string, unknown>>('GET', '/account/preferences', partner);
      expect(stored['quietHoursStart']).not.toBe('21:00');
    });
  });
});
