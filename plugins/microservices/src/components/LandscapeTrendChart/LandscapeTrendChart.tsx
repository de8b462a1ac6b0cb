import type { LandscapeHistoryPoint } from '@microservices-backstage/plugin-microservices-common';
import { formatDateTime } from '../../lib/formatTime';
import { ScoreOverTimeChart } from '../ScoreOverTimeChart';

/** "Average score from 91 (…) to 97 (…) over 12 evaluations; 39 services at the latest." */
export function describeTrend(points: LandscapeHistoryPoint[]): string {
  if (points.length === 0) return 'No landscape history.';
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `One evaluation: average score ${last.averageScore} over ${
      last.serviceCount
    } services on ${formatDateTime(last.evaluatedAt)}.`;
  }
  return `Average score from ${first.averageScore} on ${formatDateTime(
    first.evaluatedAt,
  )} to ${last.averageScore} on ${formatDateTime(last.evaluatedAt)}, over ${
    points.length
  } evaluations; ${last.serviceCount} services at the latest.`;
}

function levelsText(point: LandscapeHistoryPoint): string {
  return [...point.levels]
    .sort((a, b) => b.count - a.count)
    .map(l => `${l.level} ${l.count}`)
    .join(', ');
}

/**
 * The landscape's average score over the latest evaluations, labelled for screen readers,
 * with a button that shows the same data (and the level counts) as a table.
 */
export function LandscapeTrendChart(props: {
  history: LandscapeHistoryPoint[];
}) {
  return (
    <ScoreOverTimeChart
      points={props.history}
      line={{
        dataKey: 'averageScore',
        name: 'Average score',
        type: 'monotone',
      }}
      size={{ width: 500, height: 220 }}
      ariaLabel={points =>
        `Line chart of the landscape's average score over time. ${describeTrend(
          points,
        )}`
      }
      tableId="microservices-landscape-trend-table"
      tableAriaLabel="Landscape trend"
      columns={[
        { title: 'Services', align: 'right', render: p => p.serviceCount },
        { title: 'Average score', align: 'right', render: p => p.averageScore },
        { title: 'Levels', render: levelsText },
      ]}
    />
  );
}
