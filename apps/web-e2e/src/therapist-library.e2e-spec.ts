import { openBrowser, screenshot, webUrl, type BrowserSession } from './browser';
import { seriousA11yViolations, signIn, unique } from './stack';

describe('therapist exercise library (real stack, Debian Chromium)', () => {
  let browser: BrowserSession;

  beforeEach(async () => {
    browser = await openBrowser({ width: 1280, height: 900 });
  });

  afterEach(async () => {
    await browser.close();
  });

  it('filters by theme, previews, copies an exercise and saves a new version with an added question', async () => {
    const { page } = browser;
    await signIn(page, 'therapist1@harbor.test');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
    await page.goto(`${webUrl()}/#/exercises`);
    await page.getByText('A promise I can keep', { exact: true }).waitFor({ timeout: 15_000 });

    await page.getByRole('combobox', { name: 'Theme' }).click();
    await page.getByRole('option', { name: 'Promises', exact: true }).click();
    await page.waitForURL(/theme/);
    await page.getByText('Daily check-in').waitFor({ state: 'detached' });
    await page.getByText('A promise I can keep', { exact: true }).waitFor();
    await screenshot(page, 'therapist-library');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText('A promise I can keep', { exact: true }).click();
    await page.getByText('As the client sees it').waitFor();
    await page
      .getByTestId('exercise-preview')
      .getByLabel(/My promise, in one sentence/)
      .waitFor();
    await screenshot(page, 'therapist-exercise-preview');

    await page.getByRole('button', { name: 'Copy to edit' }).click();
    await page.waitForURL(/#\/exercises\/[^/]+$/);
    await page.getByLabel('Title').waitFor();
    const title = `Promise check ${unique('t')}`;
    await page.getByLabel('Title').fill(title);

    const questions = page.locator('.ra-input-form\\.prompts');
    const before = await questions.locator('li.RaSimpleFormIterator-line').count();
    await page.getByRole('button', { name: 'Add a question' }).click();
    const added = questions.locator('li.RaSimpleFormIterator-line').nth(before);
    await added.getByLabel('Question', { exact: true }).fill('What helped you keep it this week?');
    await screenshot(page, 'therapist-builder');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();

    await page
      .getByTestId('exercise-version')
      .filter({ hasText: 'Version 2' })
      .waitFor({ timeout: 15_000 });
    await page.getByLabel(/What helped you keep it this week/).waitFor();
    await screenshot(page, 'therapist-exercise-new-version');
  });

  it('builds a custom exercise from a blank form', async () => {
    const { page } = browser;
    await signIn(page, 'therapist1@harbor.test');
    await page.getByRole('heading', { name: 'Your caseload' }).waitFor({ timeout: 15_000 });
    await page.goto(`${webUrl()}/#/exercises/create`);
    await page.getByLabel('Title').waitFor({ timeout: 15_000 });
    await page.getByLabel('Title').fill(`Evening walk ${unique('t')}`);
    const questions = page.locator('.ra-input-form\\.prompts li.RaSimpleFormIterator-line');
    await questions.first().getByLabel('Question', { exact: true }).fill('Where did you walk?');
    const before = await questions.count();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await expect(questions.count()).resolves.toBe(before + 1);
    await questions
      .nth(before)
      .getByLabel('Question', { exact: true })
      .fill('What did you notice about each other on the walk?');
    await screenshot(page, 'therapist-builder-new');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
