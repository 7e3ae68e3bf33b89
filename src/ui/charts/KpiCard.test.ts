import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/i18n.svelte';
import KpiCard from './KpiCard.svelte';

beforeEach(() => {
  i18n.locale = 'en';
});

describe('KpiCard', () => {
  it('shows the value, the target in words and the change since last round', () => {
    render(KpiCard, {
      props: {
        label: 'ROMI',
        value: '12%',
        target: { text: '≥ 20%', met: false },
        delta: { text: '+3 pts', direction: 'up', good: true },
      },
    });
    const card = screen.getByRole('group', { name: 'ROMI' });
    expect(card).toHaveTextContent('12%');
    expect(card).toHaveTextContent('Target missed (≥ 20%)');
    expect(card).toHaveTextContent('+3 pts since last round (better)');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the signed change in one piece, with a shorter form for a narrow card', () => {
    i18n.locale = 'zh-CN';
    const { container } = render(KpiCard, {
      props: {
        label: '销售额',
        value: '¥1.2亿',
        delta: { text: '+¥5,749,400', compactText: '+¥574.9万', direction: 'up', good: true },
      },
    });
    const numbers = [...container.querySelectorAll('.kpi-delta .delta-number')];
    // One span per form, each unbreakable (white-space: nowrap); the container query shows one of them.
    expect(numbers.map((n) => [n.textContent, n.classList.contains('compact')])).toEqual([
      ['+¥5,749,400', false],
      ['+¥574.9万', true],
    ]);
    const line = container.querySelector('.kpi-delta')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(line).toContain('比上一轮 +¥5,749,400');
    expect(line).not.toContain('{delta}');
  });

  it('opens the glass box from the keyboard', async () => {
    const onexplain = vi.fn();
    render(KpiCard, { props: { label: 'ROMI', value: '12%', onexplain } });
    const button = screen.getByRole('button', { name: 'How is ROMI calculated?' });
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    const user = userEvent.setup();
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onexplain).toHaveBeenCalledTimes(1);
  });

  it('speaks Chinese in the Chinese interface', () => {
    i18n.locale = 'zh-CN';
    render(KpiCard, {
      props: { label: '市场份额', value: '9%', target: { text: '≥ 15%', met: false }, onexplain: () => {} },
    });
    expect(screen.getByText(/未达目标（≥ 15%）/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '市场份额是怎么算出来的？' })).toBeInTheDocument();
  });
});
