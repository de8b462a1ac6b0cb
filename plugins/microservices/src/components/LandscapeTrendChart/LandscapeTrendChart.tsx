import { useState } from 'react';
import type { LandscapeHistoryPoint } from '@microservices-backstage/plugin-microservices-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatTick } from '../../lib/formatTime';

/** Rows shown in the table alternative; the chart shows every point. */
const TABLE_ROWS = 50;

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
  const theme = useTheme();
  const [showTable, setShowTable] = useState(false);
  const points = [...props.history].sort((a, b) =>
    a.evaluatedAt.localeCompare(b.evaluatedAt),
  );
  const data = points.map(p => ({
    ...p,
    time: new Date(p.evaluatedAt).getTime(),
  }));
  const span = data.length > 1 ? data[data.length - 1].time - data[0].time : 0;
  const latestFirst = [...points].reverse().slice(0, TABLE_ROWS);
  return (
    <>
      <div
        role="img"
        aria-label={`Line chart of the landscape's average score over time. ${describeTrend(
          points,
        )}`}
      >
        <ResponsiveContainer
          width="100%"
          height={220}
          initialDimension={{ width: 500, height: 220 }}
        >
          <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={t => formatTick(Number(t), span)}
            />
            <YAxis domain={[0, 100]} />
            <Tooltip
              labelFormatter={t =>
                formatDateTime(new Date(Number(t)).toISOString())
              }
              formatter={value => [value, 'Average score']}
            />
            <Line
              type="monotone"
              dataKey="averageScore"
              stroke={theme.palette.primary.main}
              dot={points.length < 40}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Button
        size="small"
        onClick={() => setShowTable(v => !v)}
        aria-expanded={showTable}
        aria-controls="microservices-landscape-trend-table"
      >
        {showTable ? 'Hide the data table' : 'Show as a table'}
      </Button>
      {showTable && (
        <div id="microservices-landscape-trend-table">
          <Table size="small" aria-label="Landscape trend">
            <TableHead>
              <TableRow>
                <TableCell>Evaluated</TableCell>
                <TableCell align="right">Services</TableCell>
                <TableCell align="right">Average score</TableCell>
                <TableCell>Levels</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {latestFirst.map(p => (
                <TableRow key={p.evaluatedAt}>
                  <TableCell>{formatDateTime(p.evaluatedAt)}</TableCell>
                  <TableCell align="right">{p.serviceCount}</TableCell>
                  <TableCell align="right">{p.averageScore}</TableCell>
                  <TableCell>{levelsText(p)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {points.length > TABLE_ROWS && (
            <Typography variant="caption">
              The latest {TABLE_ROWS} of {points.length} evaluations.
            </Typography>
          )}
        </div>
      )}
    </>
  );
}
