import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ScoreOverTimeChart } from './ScoreOverTimeChart';

type Point = { evaluatedAt: string; value: number; note: string };

const point = (day: number, value: number, note = 'ok'): Point => ({
  evaluatedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  value,
  note,
});

const renderChart = (points: Point[]) =>
  renderInTestApp(
    <ScoreOverTimeChart
      points={points}
      line={{ dataKey: 'value', name: 'Value', type: 'linear' }}
      size={{ width: 400, height: 200 }}
      ariaLabel={sorted => `Values: ${sorted.map(p => p.value).join(' then ')}`}
      tableId="test-table"
      tableAriaLabel="Test values"
      columns={[
        { title: 'Value', align: 'right', render: p => p.value },
        { title: 'Note', render: p => p.note.toUpperCase() },
      ]}
    />,
  );

describe('ScoreOverTimeChart', () => {
  it('labels the chart from the points sorted oldest first', async () => {
    await renderChart([point(3, 30), point(1, 10), point(2, 20)]);
    expect(
      screen.getByRole('img', { name: 'Values: 10 then 20 then 30' }),
    ).toBeInTheDocument();
  });

  it('toggles a latest-first table with the given columns', async () => {
    await renderChart([point(1, 10, 'first'), point(2, 20, 'second')]);
    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    expect(toggle).toHaveAttribute('aria-controls', 'test-table');
    await userEvent.click(toggle);
    const table = screen.getByRole('table', { name: 'Test values' });
    const rows = within(table).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('EvaluatedValueNote');
    expect(rows[1]).toHaveTextContent('20SECOND');
    expect(rows[2]).toHaveTextContent('10FIRST');
    expect(screen.queryByText(/The latest 50 of/)).not.toBeInTheDocument();
  });

  it('shows at most 50 rows and says so', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      evaluatedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
      value: i,
      note: '',
    }));
    await renderChart(many);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show as a table' }),
    );
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(
      51,
    );
    expect(
      screen.getByText('The latest 50 of 60 evaluations.'),
    ).toBeInTheDocument();
  });
});
