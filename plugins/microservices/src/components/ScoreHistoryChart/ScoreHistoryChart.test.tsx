import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ScoreHistoryChart, describeHistory } from './ScoreHistoryChart';

const point = (day: number, score: number, level = 'gold') => ({
  score,
  level,
  evaluatedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
});

describe('ScoreHistoryChart', () => {
  it('summarizes the history in words', () => {
    expect(describeHistory([])).toBe('No score history.');
    expect(describeHistory([point(1, 80, 'silver')])).toMatch(
      /^One evaluation: score 80 \(silver\)/,
    );
    expect(describeHistory([point(2, 70), point(1, 80), point(3, 95)])).toMatch(
      /Score from 70 .* to 95 \(gold\) .* over 3 evaluations; lowest 70, highest 95\./,
    );
  });

  it('labels the chart and offers the data as a table, latest first', async () => {
    await renderInTestApp(
      <ScoreHistoryChart history={[point(1, 80), point(2, 90)]} />,
    );
    expect(
      screen.getByRole('img', { name: /Line chart of the score over time/ }),
    ).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const rows = within(
      screen.getByRole('table', { name: 'Score history' }),
    ).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('90');
    expect(rows[2]).toHaveTextContent('80');
    await userEvent.click(
      screen.getByRole('button', { name: 'Hide the data table' }),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
