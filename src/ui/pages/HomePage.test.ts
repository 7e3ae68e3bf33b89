import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import localforage from 'localforage';
import { i18n } from '../../i18n/i18n.svelte';
import { games } from '../../storage/games';
import { saveCustomScenario } from '../../storage/scenarios';
import shipped from '../../../scenarios/fmcg-spring-festival.yaml?raw';
import HomePage from './HomePage.svelte';

beforeEach(async () => {
  await localforage.clear();
});

describe('HomePage', () => {
  it('lists the scenarios and the games in progress with a link to resume each', async () => {
    i18n.locale = 'en';
    const game = await games.create({ scenarioId: 'fmcg-spring-festival', scenarioVersion: '1', seed: 5 });
    await games.save({ ...game, progress: { step: 'plan', round: 2 } });
    render(HomePage);
    expect(
      await screen.findByRole('heading', { name: 'Games in progress' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Round 2 · Plan/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Resume/ })).toHaveAttribute('href', `#/games/${game.id}`);
    const start = screen.getAllByRole('link', { name: /Read the briefing and start/ });
    expect(start.map((a) => a.getAttribute('href'))).toContain('#/scenarios/fmcg-spring-festival');
  });

  it('lists finished games to review, and custom scenarios with their version, each button named by its title', async () => {
    i18n.locale = 'en';
    const game = await games.create({ scenarioId: 'fmcg-spring-festival', scenarioVersion: '1', seed: 5 });
    await games.save({ ...game, progress: { step: 'debrief', round: 6 } });
    const text = shipped.replace(/^id: fmcg-spring-festival$/m, 'id: my-festival');
    expect((await saveCustomScenario(text, 'my-festival.yaml')).ok).toBe(true);
    render(HomePage);
    expect(
      await screen.findByRole('heading', { name: 'Finished games' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Games in progress' })).not.toBeInTheDocument();
    const review = screen.getByRole('link', { name: /^See the debrief/ });
    expect(review).toHaveAttribute('href', `#/games/${game.id}`);
    expect(review.textContent).toMatch(/: The segments that failed at New Year/);
    expect(
      screen.getByRole('button', { name: /^Delete: The segments that failed at New Year/ }),
    ).toBeInTheDocument();
    // Custom scenarios are read from storage after the shipped ones are listed.
    const badge = await screen.findByText('Instructor’s scenario · version 1.0', {}, { timeout: 10_000 });
    const card = badge.closest('li')!;
    expect(card).toHaveClass('custom');
    const start = card.querySelector('a')!;
    expect(start).toHaveAttribute('href', '#/scenarios/my-festival');
    expect(start.textContent).toMatch(/^Read the briefing and start: /);
  });

  it('refuses a bad backup file, says why, and changes nothing', async () => {
    i18n.locale = 'en';
    const game = await games.create({ scenarioId: 'fmcg-spring-festival', scenarioVersion: '1', seed: 5 });
    const { container } = render(HomePage);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(
      ['{"format":"market-sandbox-backup","version":1,"records":[{"key":"game:x","value":{}}]}'],
      'bad.json',
      {
        type: 'application/json',
      },
    );
    Object.defineProperty(input, 'files', { value: [file] });
    await fireEvent.change(input);
    expect(
      await screen.findByText(
        /The backup was not accepted and nothing was changed: bad.json: records\[0\]/,
        {},
        // the backup code is loaded on first use
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect((await games.list()).map((g) => g.id)).toEqual([game.id]);
  });
});
