import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GameEvent } from '../../flow/game.machine';
import { i18n } from '../../i18n/i18n.svelte';
import { playMiniGame, type PlayedGame } from '../../../tests/fixtures/played-game';
import type { ReviewSession } from './review-data';
import { formatDelta } from './kpi-format';
import RoundReview from './RoundReview.svelte';

let game: PlayedGame;

beforeAll(() => {
  game = playMiniGame();
});

beforeEach(() => {
  i18n.locale = 'en';
});

function sessionAfter(rounds: number, can: (event: GameEvent) => boolean = (e) => e.type === 'NEXT_ROUND') {
  const session: ReviewSession & { send: ReturnType<typeof vi.fn> } = {
    scenario: game.scenario,
    reports: game.reports.slice(0, rounds),
    context: {
      log: game.decisions
        .slice(0, rounds)
        .map((decision, i) => ({ type: 'round' as const, round: i + 1, decision })),
    },
    can,
    send: vi.fn(() => true),
  };
  return session;
}

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));

describe('RoundReview', () => {
  it('shows the round, its events, the rationale and the KPIs against the scenario targets', () => {
    render(RoundReview, { session: sessionAfter(2) });
    expect(screen.getByRole('heading', { level: 2, name: 'Round 2 review' })).toBeInTheDocument();
    // Round 2 has the festival event and the learner's rationale.
    const events = screen.getByRole('region', { name: 'What happened this round' });
    expect(events).toHaveTextContent('Festival season');
    expect(events).toHaveTextContent('Everyone shops.');
    expect(screen.getByText(game.decisions[1]!.rationale!)).toBeInTheDocument();
    const report = game.reports[1]!.total;
    const revenue = screen.getByRole('group', { name: 'Revenue' });
    expect(revenue).toHaveTextContent(i18n.money(report.revenue));
    // The mini scenario's revenue target is ¥5,000,000, written compactly on the card.
    expect(revenue).toHaveTextContent(
      report.revenue >= 5_000_000 ? 'Target met (≥ CN¥5.0M)' : 'Target missed',
    );
    // Change since round 1, in money.
    const delta = report.revenue - game.reports[0]!.total.revenue;
    expect(revenue).toHaveTextContent(/since last round/);
    // In full, and compactly for a narrow card (a container query shows one), each in one unbreakable piece.
    const full = formatDelta('money', delta);
    const compact = formatDelta('money', delta, 'CNY', true);
    expect(full).toBe(`+${i18n.money(delta)}`);
    expect([...revenue.querySelectorAll('.delta-number')].map((n) => n.textContent)).toEqual(
      compact === full ? [full] : [full, compact],
    );
  });

  it('lists the funnel in its table with the report’s numbers', () => {
    render(RoundReview, { session: sessionAfter(1) });
    const report = game.reports[0]!.total;
    const table = screen.getByRole('table', { name: 'This round’s funnel' });
    const rows = cellsOf(table).slice(1);
    expect(rows.map((r) => r[1])).toEqual([
      i18n.number(report.size),
      i18n.number(report.reach),
      i18n.number(report.awareness * report.size),
      i18n.number(report.conversions),
      i18n.number(report.retainedCustomers),
    ]);
  });

  it('opens the glass box from a KPI with the keyboard and fills in this round’s numbers', async () => {
    render(RoundReview, { session: sessionAfter(2) });
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'How is ROMI calculated?' });
    button.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'How ROMI is calculated' });
    const t = game.reports[1]!.total;
    expect(dialog).toHaveTextContent('Round 2 · whole market');
    expect(dialog).toHaveTextContent(
      `= (${i18n.money(t.incrementalMargin)} − ${i18n.money(t.spend)}) ÷ ${i18n.money(t.spend)} = ${i18n.percent(t.romi)}`,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('says what the learner and the market changed since last round', () => {
    render(RoundReview, { session: sessionAfter(2) });
    const section = screen.getByRole('region', { name: 'Since last round' });
    expect(section).toHaveTextContent('New targets: Segment B.');
    expect(section).toHaveTextContent('Search spend moved from CN¥100,000 to CN¥150,000.');
    expect(section).toHaveTextContent('Video spend moved from CN¥0 to CN¥100,000.');
    expect(section).toHaveTextContent('You invested in data governance.');
    expect(section).toHaveTextContent('Festival season');
    // Data governance raised data quality: 0.7 + 0.15 · 0.3 = 74.5 % (hand calculation from the defaults).
    expect(section).toHaveTextContent('Data quality went from 70% to 74.5%.');
  });

  it('tabulates spend by channel and segment, and draws a response curve per channel with spend', () => {
    render(RoundReview, { session: sessionAfter(2) });
    const table = screen.getByRole('table', { name: 'Spend by channel and target segment' });
    expect(cellsOf(table)).toEqual([
      ['Channel', 'Segment A', 'Segment B', 'Total'],
      ['Search', 'CN¥0', 'CN¥150,000', 'CN¥150,000'],
      ['Social', 'CN¥250,000', 'CN¥0', 'CN¥250,000'],
      ['Video', 'CN¥100,000', 'CN¥0', 'CN¥100,000'],
      ['In store', 'CN¥0', 'CN¥0', 'CN¥0'],
    ]);
    const curves = screen.getAllByRole('table', { name: /: response curve$/ });
    expect(
      curves.map((c) => c.getAttribute('aria-label') ?? c.querySelector('caption')?.textContent),
    ).toEqual(['Search: response curve', 'Social: response curve', 'Video: response curve']);
  });

  it('goes on to the next round, or to the debrief after the last', async () => {
    const user = userEvent.setup();
    const session = sessionAfter(2);
    const { unmount } = render(RoundReview, { session });
    await user.click(screen.getByRole('button', { name: /Plan round 3/ }));
    expect(session.send).toHaveBeenCalledWith({ type: 'NEXT_ROUND' });
    unmount();
    const last = sessionAfter(3, (e) => e.type === 'FINISH');
    render(RoundReview, { session: last });
    await user.click(screen.getByRole('button', { name: /Go to the debrief/ }));
    expect(last.send).toHaveBeenCalledWith({ type: 'FINISH' });
  });

  it('has no English words in the Chinese interface', () => {
    i18n.locale = 'zh-CN';
    const { container } = render(RoundReview, { session: sessionAfter(2) });
    expect(screen.getByRole('heading', { level: 2, name: '第 2 轮复盘' })).toBeInTheDocument();
    const rationale = game.decisions[1]!.rationale!;
    const text = (container.textContent ?? '').replace(rationale, '');
    const words = text.match(/[A-Za-z][A-Za-z-]*/g) ?? [];
    const allowed = /^(ROI|ROMI|CAC|CLV|KPI|A|B|C)$/;
    expect(words.filter((w) => !allowed.test(w))).toEqual([]);
  });
});
