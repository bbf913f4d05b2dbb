import AxeBuilder from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';

import { webUrl } from './browser';

export const DEMO_PASSWORD = 'MendDemo!2026';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run browser tests through \`npm test\``);
  return value;
}

export const apiUrl = () => required('E2E_API_URL');
export const mailUrl = () => required('E2E_MAIL_URL');

/** A string no other run (or retry) of the suite uses, for emails and clinic names. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export async function apiPost(path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${apiUrl()}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}

/** A new clinic through the public signup; its admin must enrol MFA on first sign-in. */
export async function newClinic(): Promise<{ adminEmail: string; password: string }> {
  const adminEmail = `${unique('admin')}@e2e.test`;
  const password = 'Steady-Harbor-2026';
  await apiPost('/clinics', {
    clinicName: `E2E Clinic ${unique('c')}`,
    timeZone: 'Europe/Madrid',
    adminName: 'Morgan Vale',
    adminEmail,
    password,
  });
  return { adminEmail, password };
}

/**
 * The TOTP code for a secret. The server accepts each 30-second step once, so a second sign-in
 * within the same step asks for the next step's code (the server allows ±1 step).
 */
export function totpCode(secret: string, timestamp = Date.now()): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp });
}

export const totpStep = (timestamp = Date.now()) => Math.floor(timestamp / 30_000);

interface MailMessage {
  to: { address: string }[];
  subject: string;
  text?: string;
  html?: string;
  date?: string;
}

/** Waits for maildev to hold a message to `address` whose text matches `pattern`. */
export async function waitForMail(
  address: string,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<MailMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${mailUrl()}/email`);
    if (response.ok) {
      const messages = (await response.json()) as MailMessage[];
      const found = messages
        .filter((message) =>
          message.to.some((to) => to.address.toLowerCase() === address.toLowerCase()),
        )
        .reverse()
        .find((message) => pattern.test(`${message.text ?? ''}\n${message.html ?? ''}`));
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`No email to ${address} matching ${pattern} within ${timeoutMs} ms`);
}

/**
 * The app's own address for an emailed link: the email names the origin the API was configured
 * with, while the test drives whatever origin it was given, so only the hash route is kept.
 */
export function linkFromMail(message: MailMessage, route: string): string {
  const text = `${message.text ?? ''}\n${message.html ?? ''}`;
  const match = new RegExp(`#/${route}\\?token=[A-Za-z0-9_.~%-]+`).exec(text);
  if (!match) throw new Error(`The email has no #/${route} link`);
  return `${webUrl()}/${match[0]}`;
}

/** axe-core on the current page; returns serious and critical violations only, summarised. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Audit the settled page, not react-admin's transient loading spinner between two fetches.
  await page.waitForLoadState('networkidle');
  await page
    .locator('.MuiCircularProgress-root')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  // Nor a dialog still fading in: half-transparent text fails colour contrast it does not fail.
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== 'running'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    // Experimental in axe, so off unless asked: a control's spoken name must contain its visible
    // text (WCAG 2.5.3), or voice control users cannot name it.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`)
          .join(', ')}`,
    );
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${webUrl()}/#/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The user menu: named after the person where it shows their name, "Profile" on a phone. */
export const userMenuButton = (page: Page) =>
  page.getByRole('button', { name: /^(Profile|Perfil)$|: (account menu|menú de la cuenta)$/ });

export async function signOut(page: Page): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await page.getByLabel('Email').waitFor();
}
