import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.svelte';
import LineChart from './LineChart.svelte';

beforeEach(() => {
  i18n.locale = 'en';
});

describe('LineChart', () => {
  it('tabulates every series by round, with the target and a gap for a missing value', () => {
    render(LineChart, {
      props: {
        title: 'Revenue and margin',
        xLabels: ['Round 1', 'Round 2', 'Round 3'],
        series: [
          { id: 'revenue', label: 'Revenue', values: [100_000, 150_000, null] },
          { id: 'margin', label: 'Margin', values: [40_000, 70_000, null] },
        ],
        target: { value: 120_000, label: 'Revenue target' },
        format: (v: number) => i18n.money(v),
      },
    });
    const table = screen.getByRole('table', { name: 'Revenue and margin' });
    const text = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(text).toEqual([
      ['Round', 'Revenue', 'Margin', 'Revenue target'],
      ['Round 1', 'CN¥100,000', 'CN¥40,000', 'CN¥120,000'],
      ['Round 2', 'CN¥150,000', 'CN¥70,000', 'CN¥120,000'],
      ['Round 3', '—', '—', 'CN¥120,000'],
    ]);
  });

  it('marks each point with its series’ shape and labels the last value', () => {
    const { container } = render(LineChart, {
      props: {
        title: 'Share',
        xLabels: ['Round 1', 'Round 2'],
        series: [
          { id: 'a', label: 'A', values: [0.1, 0.2] },
          { id: 'b', label: 'B', values: [0.3, 0.25] },
        ],
        format: (v: number) => i18n.percent(v),
      },
    });
    const markers = [...container.querySelectorAll('path.point')];
    expect(markers.length).toBe(4);
    // Series A uses circles and B squares: different path data for the two series.
    expect(markers[0]!.getAttribute('d')).not.toBe(markers[2]!.getAttribute('d'));
    expect([...container.querySelectorAll('.end-label')].map((el) => el.textContent)).toEqual(['20%', '25%']);
  });

  it('shortens or thins the axis labels that would overlap, and keeps the full ones in the table', () => {
    // At the default 560 px, twelve points leave about 34 px each; "第 10 轮" needs about 56 px (two CJK
    // characters at 12.8 px, four others at 7.7 px).
    const xLabels = Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 轮`);
    const series = [{ id: 'a', label: 'A', values: xLabels.map((_, i) => i) }];
    const ticks = (container: HTMLElement) =>
      [...container.querySelectorAll('text.x-tick')].map((el) => el.textContent).filter((t) => t !== '');
    const short = render(LineChart, {
      props: { title: 'Short', xLabels, xShortLabels: xLabels.map((_, i) => String(i + 1)), series },
    });
    expect(ticks(short.container)).toEqual(xLabels.map((_, i) => String(i + 1)));
    const table = screen.getByRole('table', { name: 'Short' });
    expect(within(table).getAllByRole('row')[12]!.children[0]!.textContent?.trim()).toBe('第 12 轮');

    const thinned = render(LineChart, { props: { title: 'Thinned', xLabels, series } });
    expect(ticks(thinned.container)).toEqual([
      '第 1 轮',
      '第 3 轮',
      '第 5 轮',
      '第 7 轮',
      '第 9 轮',
      '第 11 轮',
    ]);

    // Three labels fit: shown in full.
    const few = render(LineChart, {
      props: { title: 'Few', xLabels: xLabels.slice(0, 3), xShortLabels: ['1', '2', '3'], series },
    });
    expect(ticks(few.container)).toEqual(xLabels.slice(0, 3));
  });
});
