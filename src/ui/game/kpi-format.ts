import { i18n } from '../../i18n/i18n.svelte';
import type { Unit } from './formulas';

/**
 * How the review, the debrief and the glass box write a quantity: money in the scenario's currency (cents below
 * 100 but above 0), people and counts as whole numbers (two decimals below 100, where a simulated fraction shows), percentages
 * with one decimal (three for small rates such as complaints). NaN — a ratio with nothing to divide by — is "—".
 */
export function formatQuantity(unit: Unit, value: number, currency = 'CNY'): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  switch (unit) {
    case 'money':
      return i18n.money(value, currency, size > 0 && size < 100 ? 2 : 0);
    case 'people':
    case 'count':
      return i18n.number(value, size > 0 && size < 100 ? 2 : 0);
    case 'percent':
      return i18n.percent(value, size !== 0 && size < 0.01 ? 3 : 1);
    case 'number':
      return i18n.number(value, 2);
  }
}

/**
 * A short form for narrow places (≥ 100,000 only; smaller values return the full form): "CN¥32.7M" / "¥3267.5万",
 * "1.7M" / "170.1万" people.
 */
export function formatQuantityCompact(unit: Unit, value: number, currency = 'CNY'): string {
  if (
    !Number.isFinite(value) ||
    Math.abs(value) < 100_000 ||
    (unit !== 'money' && unit !== 'people' && unit !== 'count')
  )
    return formatQuantity(unit, value, currency);
  if (unit === 'money') return i18n.moneyCompact(value, currency);
  return new Intl.NumberFormat(i18n.locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A signed difference in the KPI's unit: "+¥1,200", "−3.2 pts" (percentages change by points), "+45"; a difference
 * too small to show at that precision is "±0" (never "−0" or "+0"). */
export function formatDelta(unit: Unit, delta: number, currency = 'CNY', compact = false): string {
  if (!Number.isFinite(delta)) return '—';
  let magnitude: string;
  if (unit === 'percent') {
    const points = Math.abs(delta) * 100;
    magnitude = i18n.t('review.points', { value: i18n.number(points, points < 1 ? 2 : 1) });
  } else {
    const size = Math.abs(delta);
    magnitude = compact ? formatQuantityCompact(unit, size, currency) : formatQuantity(unit, size, currency);
  }
  const shown = /[1-9]/.test(magnitude);
  const sign = !shown ? '±' : delta > 0 ? '+' : '−';
  return `${sign}${magnitude}`;
}

/**
 * A KPI's change as a card or a table shows it: the signed text, and its direction and verdict — flat, with no
 * verdict, when the change rounds away at the precision shown (an arrow beside "±0" would contradict it).
 */
export function deltaDisplay(
  unit: Unit,
  change: { delta: number; direction: 'up' | 'down' | 'flat'; good?: boolean },
  currency = 'CNY',
  compact = false,
): { text: string; direction: 'up' | 'down' | 'flat'; good?: boolean } {
  const text = formatDelta(unit, change.delta, currency, compact);
  return text.startsWith('±')
    ? { text, direction: 'flat' }
    : { text, direction: change.direction, good: change.good };
}
