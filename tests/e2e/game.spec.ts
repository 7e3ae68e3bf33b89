import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/i18n/locales';
import { checkScreen, expectStep, openApp, press, t, tabTo } from './game-helpers';

/**
 * The game in Debian's chromium: the default scenario played from the home page to the debrief with the keyboard
 * alone, in each locale (English on a projector, Chinese on a phone), with an accessibility scan, a screenshot and
 * (in Chinese) a check for untranslated text on every screen; then a reload in the middle of round 2.
 */
const SCENARIO = 'fmcg-spring-festival';
const ROUNDS = 6;

const sizes = {
  projector: { width: 1920, height: 1080 },
  phone: { width: 375, height: 812 },
} as const;

/** The next/primary button of the step's footer (Next, Run round, Plan round n, See the debrief). */
const nextButton = (page: Page) => page.locator('.game-step .step-nav button.next');

async function playWithKeyboard(page: Page, locale: Locale, size: keyof typeof sizes) {
  const check = (name: string) => checkScreen(page, locale, size, name);
  await page.setViewportSize(sizes[size]);
  await openApp(page, locale);

  // Home: the course and the scenarios.
  await expect(page.locator(`a[data-scenario="${SCENARIO}"]`)).toBeVisible();
  await check('01-home');
  await press(page, page.locator(`a[data-scenario="${SCENARIO}"]`));

  // Scenario briefing page: start a game with the default seed.
  const start = page.getByRole('button', { name: t(locale, 'scenarioPage.start') });
  await expect(start).toBeVisible();
  await check('02-scenario');
  await press(page, start);

  // Briefing inside the game.
  await expectStep(page, 'briefing');
  await expect(page.getByTestId('round')).toHaveText(t(locale, 'game.round', { round: 1, rounds: ROUNDS }));
  await check('03-briefing');
  await press(page, nextButton(page));

  // Research: buy the survey and the competitor scan.
  await expectStep(page, 'research');
  const buy = page.getByRole('button', { name: t(locale, 'research.buy'), exact: true });
  await press(page, buy.first());
  await expect(page.getByRole('button', { name: t(locale, 'research.bought'), exact: true })).toHaveCount(1);
  await press(page, buy.nth(1));
  await expect(page.getByRole('button', { name: t(locale, 'research.bought'), exact: true })).toHaveCount(2);
  await expect(page.locator('.results article')).toHaveCount(2);
  await check('04-research');
  await press(page, nextButton(page));

  // Segmentation: k-means on the default behavioural variables, four segments.
  await expectStep(page, 'segmentation');
  const run = page.getByRole('button', { name: t(locale, 'seg.runKmeans') });
  await press(page, run);
  await expect(page.getByRole('heading', { name: t(locale, 'seg.resultTitle', { n: 4 }) })).toBeVisible();
  await check('05-segmentation');
  await press(page, nextButton(page));

  // Targeting: choose the first two segments with the space bar.
  await expectStep(page, 'targeting');
  await press(page, page.locator('#target-0'), 'Space');
  await expect(page.locator('#target-0')).toBeChecked();
  await press(page, page.locator('#target-1'), 'Space');
  await expect(page.locator('#target-1')).toBeChecked();
  await check('06-targeting');
  await press(page, nextButton(page));

  // Positioning: move our offer with the arrow keys (towards the festive-gift end), pick the social value.
  await expectStep(page, 'positioning');
  const offer = page.locator('g.ours[role=slider]');
  const before = await offer.getAttribute('aria-valuetext');
  await tabTo(page, offer, { outline: false });
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(offer).not.toHaveAttribute('aria-valuetext', before ?? '');
  // the halo drawn around the focused offer is its visible focus
  expect(await page.locator('g.ours .halo').evaluate((el) => getComputedStyle(el).stroke)).not.toBe(
    'rgba(0, 0, 0, 0)',
  );
  // Tab enters a radio group at its checked radio; the arrow keys choose within it.
  await tabTo(page, page.locator('input[name=emphasis]:checked'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name=emphasis][value=social]')).toBeChecked();
  await check('07-positioning');
  await press(page, nextButton(page));

  // Plan round 1: spread the budget, take the consent campaign off the top, write a reason, run.
  await expectStep(page, 'plan');
  await press(page, page.getByRole('button', { name: t(locale, 'plan.spread') }));
  await expect(page.getByTestId('plan-remaining')).not.toHaveText(/8,000,000|8,000,000/);
  const why = page.getByLabel(t(locale, 'rationale.label', { round: 1 }));
  await tabTo(page, why);
  await page.keyboard.type(
    locale === 'zh-CN' ? '先平均投放，看哪个渠道有效。' : 'Spread first to learn which channels work.',
  );
  await check('08-plan');
  await press(page, nextButton(page));

  for (let round = 1; round <= ROUNDS; round++) {
    await expectStep(page, 'review', 120_000);
    await expect(page.getByTestId('round')).toHaveText(t(locale, 'game.round', { round, rounds: ROUNDS }));
    if (round === 1 || round === ROUNDS) await check(`09-review-round-${round}`);
    await press(page, nextButton(page));
    if (round === ROUNDS) break;
    // The next round's plan starts from the last round's spend: run it as it is.
    await expectStep(page, 'plan');
    await expect(
      page.getByRole('heading', { name: t(locale, 'plan.title', { round: round + 1 }) }),
    ).toBeVisible();
    await press(page, nextButton(page));
  }

  await expectStep(page, 'debrief');
  await expect(page.locator('.game-step h2').first()).toBeVisible();
  // The benchmarks are played in a worker; once they arrive the score is shown out of 100.
  await expect(page.locator('.score-number')).toContainText('/ 100', { timeout: 60_000 });
  await check('10-debrief');

  // Branch: a new practice game from round 3's plan; the finished original stays as it was.
  const original = page.url();
  await press(page, page.getByRole('button', { name: t(locale, 'debrief.branch', { round: 3 }) }));
  await expect(page).not.toHaveURL(original);
  await expectStep(page, 'plan');
  await expect(page.getByTestId('round')).toHaveText(t(locale, 'game.round', { round: 3, rounds: ROUNDS }));
  // Back to the original, then a fresh page (a reload: the app's routes are hash changes, which keep the page):
  // its benchmarks come from IndexedDB, so no benchmarks worker is started.
  const stored = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('localforage');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('keyvaluepairs').objectStore('keyvaluepairs').getAllKeys();
          keys.onsuccess = () =>
            resolve((keys.result as string[]).filter((k) => k.startsWith('benchmarks:')));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
  expect(stored).toHaveLength(1);
  await page.goto(original);
  await expectStep(page, 'debrief');
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.reload();
  await expectStep(page, 'debrief');
  await expect(page.locator('.score-number')).toContainText('/ 100', { timeout: 30_000 });
  expect(workers.filter((url) => url.includes('benchmarks'))).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test('the default scenario can be played end to end with the keyboard alone in English, on a projector', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await playWithKeyboard(page, 'en', 'projector');
});

test('the default scenario can be played end to end with the keyboard alone in Chinese, on a phone', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await playWithKeyboard(page, 'zh-CN', 'phone');
});

test('a reload in the middle of round 2 resumes at the same step with the same numbers', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, 'en', `#/scenarios/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start a new game' }).click();
  await expectStep(page, 'briefing');
  await nextButton(page).click();
  await page.getByRole('button', { name: 'Buy', exact: true }).first().click();
  await expect(page.locator('.results article')).toHaveCount(1);
  await nextButton(page).click();
  await page.getByRole('button', { name: 'Run k-means' }).click();
  await expect(page.getByRole('heading', { name: '4 segments' })).toBeVisible();
  await nextButton(page).click();
  await page.locator('#target-0').check();
  await nextButton(page).click();
  await nextButton(page).click();
  await page.getByRole('button', { name: 'Spread the budget evenly' }).click();
  await nextButton(page).click();
  await expectStep(page, 'review', 120_000);
  await nextButton(page).click();
  await expectStep(page, 'plan');

  // Change the plan of round 2: more on the first channel, a reason, an optional action refused or taken.
  const firstCell = page.locator('[data-channel] input[type=number]').first();
  await firstCell.fill('500000');
  await firstCell.blur();
  const why = page.getByLabel('Why this plan for round 2?');
  await why.fill('Cut search, it wasted money.');
  await why.blur();
  const remaining = await page.getByTestId('plan-remaining').innerText();
  const cells = await page
    .locator('[data-channel] input[type=number]')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  expect(cells[0]).toBe('500000');
  const url = page.url();

  await page.reload();
  expect(page.url()).toBe(url);
  await expectStep(page, 'plan');
  await expect(page.getByTestId('round')).toHaveText('Round 2 of 6');
  await expect(page.getByTestId('plan-remaining')).toHaveText(remaining);
  expect(
    await page
      .locator('[data-channel] input[type=number]')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
  ).toEqual(cells);
  await expect(page.getByLabel('Why this plan for round 2?')).toHaveValue('Cut search, it wasted money.');

  // Switching language keeps the state.
  await page.locator('.locale-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('round')).toHaveText('第 2 / 6 轮');
  expect(
    await page
      .locator('[data-channel] input[type=number]')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
  ).toEqual(cells);
  await page.locator('.locale-switch').click();

  // Run round 2, then reload on its review: every number is rebuilt by replaying the saved decisions.
  await nextButton(page).click();
  await expectStep(page, 'review', 120_000);
  const review = await page.locator('.game-step').innerText();
  expect(review).toMatch(/\d/);
  await page.reload();
  await expectStep(page, 'review', 120_000);
  await expect(page.getByTestId('round')).toHaveText('Round 2 of 6');
  expect(await page.locator('.game-step').innerText()).toBe(review);
});

test('every screen of round 1 also looks right in Chinese on a projector and in English on a phone', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const both = async (name: string) => {
    for (const [locale, size] of [
      ['zh-CN', 'projector'],
      ['en', 'phone'],
    ] as const) {
      await page.setViewportSize(sizes[size]);
      if ((await page.locator('html').getAttribute('lang')) !== locale)
        await page.locator('.locale-switch').click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await checkScreen(page, locale, size, name);
    }
  };
  await openApp(page, 'en', `#/scenarios/${SCENARIO}`);
  await both('02-scenario');
  await page.locator('.locale-switch').click();
  await page.locator('form.start-form button[type=submit]').click();
  await expectStep(page, 'briefing');
  await both('03-briefing');
  await nextButton(page).click();
  await expectStep(page, 'research');
  await page.locator('.studies button').first().click();
  await expect(page.locator('.results article')).toHaveCount(1);
  await page.locator('.studies button').nth(3).click();
  await expect(page.locator('.results article')).toHaveCount(2);
  await both('04-research');
  await nextButton(page).click();
  await expectStep(page, 'segmentation');
  await page.locator('.kmeans-run button').click();
  await expect(page.locator('#seg-results')).toBeVisible();
  await both('05-segmentation');
  await nextButton(page).click();
  await expectStep(page, 'targeting');
  await page.locator('#target-1').check();
  await both('06-targeting');
  await nextButton(page).click();
  await expectStep(page, 'positioning');
  await both('07-positioning');
  await nextButton(page).click();
  await expectStep(page, 'plan');
  await page.locator('.section-head .quick button').first().click();
  await both('08-plan');
  await nextButton(page).click();
  await expectStep(page, 'review', 120_000);
  await both('09-review-round-1');
});
