import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.svelte';
import { deltaDisplay, formatDelta } from './kpi-format';

beforeEach(() => {
  i18n.locale = 'en';
});

describe('formatDelta', () => {
  it('signs a change in its unit, percentages as points', () => {
    expect(formatDelta('money', -1200)).toBe('−CN¥1,200');
    expect(formatDelta('count', 45)).toBe('+45');
    // 0.0123 → 1.23 points, one decimal at or above a point.
    expect(formatDelta('percent', 0.0123)).toBe('+1.2 pts');
    expect(formatDelta('percent', -0.0002)).toBe('−0.02 pts');
  });

  it('writes a change that rounds away as ±0, never −0 or +0', () => {
    // 0.00004 is 0.004 points: 0 at two decimals.
    expect(formatDelta('percent', -0.00004)).toBe('±0 pts');
    expect(formatDelta('number', 0.001)).toBe('±0');
    expect(formatDelta('money', 0)).toBe('±CN¥0');
    i18n.locale = 'zh-CN';
    expect(formatDelta('percent', -0.00004)).toBe('±0 个百分点');
  });
});

describe('deltaDisplay', () => {
  it('keeps the direction and verdict of a visible change and drops them for one that rounds away', () => {
    expect(deltaDisplay('count', { delta: 45, direction: 'up', good: true })).toEqual({
      text: '+45',
      direction: 'up',
      good: true,
    });
    expect(deltaDisplay('percent', { delta: -0.00004, direction: 'down', good: true })).toEqual({
      text: '±0 pts',
      direction: 'flat',
    });
  });
});
