import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

import { openBrowser, webUrl, type BrowserSession } from './browser';
import { apiPost, apiUrl, DEMO_PASSWORD, signIn, userMenuButton } from './stack';

/**
 * Issue 15, item 7: the web app runs under a strict Content-Security-Policy. Every main page of
 * each role is loaded in Chromium with the policy on, and not one violation may be reported
 * (neither a `securitypolicyviolation` event nor a console error about the policy).
 */

/** Each role's pages; `records` are pages of one record, found through the API as that role. */
const MAIN_PAGES: Record<
  string,
  { email: string; paths: string[]; records: Array<[api: string, page: (id: string) => string]> }
> = {
  'clinic admin': {
    email: 'admin@harbor.test',
    paths: [
      '/',
      '/users',
      '/audit-events',
      '/couples',
      '/clinic-settings',
      '/notifications',
      '/preferences',
    ],
    records: [['/users', (id) => `/users/${id}/show`]],
  },
  therapist: {
    email: 'therapist1@harbor.test',
    paths: ['/', '/couples', '/exercises', '/notifications', '/preferences'],
    records: [
      ['/couples', (id) => `/couples/${id}/show`],
      ['/exercises', (id) => `/exercises/${id}/show`],
    ],
  },
  partner: {
    email: 'couple1.a@harbor.test',
    paths: ['/', '/history', '/promises', '/notifications', '/preferences'],
    records: [['/occurrences', (id) => `/exercise/${id}`]],
  },
};

/** The web paths of one record of each kind the role can read. */
async function recordPages(
  email: string,
  records: Array<[string, (id: string) => string]>,
): Promise<string[]> {
  const { accessToken } = (await apiPost('/auth/login', { email, password: DEMO_PASSWORD })) as {
    accessToken: string;
  };
  const pages: string[] = [];
  for (const [path, page] of records) {
    const response = await fetch(`${apiUrl()}${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const [first] = (await response.json()) as Array<{ id: string }>;
    if (!first) throw new Error(`${email} reads no ${path}`);
    pages.push(page(first.id));
  }
  return pages;
}

const SIGNED_OUT_PAGES = ['/login', '/forgot-password', '/reset-password', '/accept-invitation'];

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records violations from the first script on, in every document the page loads. */
async function watchViolations(page: Page, into: string[]): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) into.push(message.text());
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.MuiCircularProgress-root')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

async function violationsOn(page: Page, path: string, into: string[]): Promise<void> {
  await page.goto(`${webUrl()}/#${path}`);
  await settle(page);
  const seen = await page.evaluate(() => window.cspViolations ?? []);
  into.push(...seen.map((violation) => `${path}: ${violation}`));
}

/** `add_header Name "value" always;` lines of the nginx location that serves the app. */
function nginxHeaders(): Record<string, string> {
  const conf = readFileSync(join(__dirname, '../../../docker/web.nginx.conf'), 'utf8');
  const location = conf.slice(conf.indexOf('location / {'));
  return Object.fromEntries(
    [...location.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((match) => [
      (match[1] ?? '').toLowerCase(),
      match[2] ?? '',
    ]),
  );
}

describe('Content-Security-Policy and headers of the web app (real stack, Debian Chromium)', () => {
  let browser: BrowserSession | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('serves the page and its assets with the same headers as the production nginx', async () => {
    const page = await fetch(`${webUrl()}/`);
    const html = await page.text();
    const expected = nginxHeaders();
    expect(Object.keys(expected).sort()).toEqual([
      'content-security-policy',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-frame-options',
    ]);
    for (const [name, value] of Object.entries(expected)) {
      expect([name, page.headers.get(name)]).toEqual([name, value]);
    }
    expect(expected['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(expected['content-security-policy']).toContain("script-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${webUrl()}${script}`);
    await asset.arrayBuffer();
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('content-security-policy')).toBe(expected['content-security-policy']);
  });

  it('loads the signed-out pages with no violation', async () => {
    browser = await openBrowser();
    const { page } = browser;
    const violations: string[] = [];
    await watchViolations(page, violations);
    for (const path of SIGNED_OUT_PAGES) await violationsOn(page, path, violations);
    expect(violations).toEqual([]);
  });

  it.each(Object.entries(MAIN_PAGES))(
    'loads every main page of a %s with no violation',
    async (_role, { email, paths, records }) => {
      const pages = [...paths, ...(await recordPages(email, records))];
      browser = await openBrowser();
      const { page } = browser;
      const violations: string[] = [];
      await watchViolations(page, violations);
      // A policy that is not there would see no violations: prove it is enforced on this page.
      const response = await page.goto(`${webUrl()}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await signIn(page, email);
      await userMenuButton(page).waitFor({ timeout: 15_000 });
      for (const path of pages) await violationsOn(page, path, violations);
      expect(violations).toEqual([]);
      // An inline script is exactly what the policy must stop.
      const blocked = await page.evaluate(async () => {
        window.cspViolations = [];
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return {
          ran: (window as unknown as { inlineRan?: boolean }).inlineRan === true,
          reported: window.cspViolations.length,
        };
      });
      expect(blocked).toEqual({ ran: false, reported: 1 });
    },
  );
});
