import type { ScoreHistoryPoint } from '@microservices-backstage/plugin-microservices-common';
import { formatDateTime } from '../../lib/formatTime';
import { ScoreOverTimeChart } from '../ScoreOverTimeChart';

/** "Score from 82 (Nov 1) to 93 (Nov 29) over 14 evaluations; lowest 82, highest 93." */
export function describeHistory(points: ScoreHistoryPoint[]): string {
  if (points.length === 0) return 'No score history.';
  const first = points[0];
  const last = points[points.length - 1];
  const scores = points.map(p => p.score);
  if (points.length === 1) {
    return `One evaluation: score ${first.score} (${
      first.level
    }) on ${formatDateTime(first.evaluatedAt)}.`;
  }
  return (
    `Score from ${first.score} on ${formatDateTime(first.evaluatedAt)} to ${
      last.score
    } (${last.level}) on ${formatDateTime(last.evaluatedAt)}, over ${
      points.length
    } evaluations; ` +
    `lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}.`
  );
}

/**
 * A service's score over time as a line, labelled for screen readers with a summary, and a
 * button that shows the same data as a table.
 */
export function ScoreHistoryChart(props: { history: ScoreHistoryPoint[] }) {
  return (
    <ScoreOverTimeChart
      points={props.history}
      line={{ dataKey: 'score', name: 'Score', type: 'stepAfter' }}
      size={{ width: 600, height: 240 }}
      ariaLabel={points =>
        `Line chart of the score over time. ${describeHistory(points)}`
      }
      tableId="microservices-score-history-table"
      tableAriaLabel="Score history"
      columns={[
        { title: 'Score', align: 'right', render: p => p.score },
        { title: 'Level', render: p => p.level },
      ]}
    />
  );
}
