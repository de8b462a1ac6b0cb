import { useState } from 'react';
import type { ScoreHistoryPoint } from '@microservices-backstage/plugin-microservices-common';
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
  const theme = useTheme();
  const [showTable, setShowTable] = useState(false);
  const points = [...props.history].sort((a, b) =>
    a.evaluatedAt.localeCompare(b.evaluatedAt),
  );
  const data = points.map(p => ({
    ...p,
    time: new Date(p.evaluatedAt).getTime(),
  }));
  const latestFirst = [...points].reverse().slice(0, TABLE_ROWS);
  const span = data.length > 1 ? data[data.length - 1].time - data[0].time : 0;
  return (
    <>
      <div
        role="img"
        aria-label={`Line chart of the score over time. ${describeHistory(
          points,
        )}`}
      >
        <ResponsiveContainer
          width="100%"
          height={240}
          initialDimension={{ width: 600, height: 240 }}
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
              formatter={value => [value, 'Score']}
            />
            <Line
              type="stepAfter"
              dataKey="score"
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
        aria-controls="microservices-score-history-table"
      >
        {showTable ? 'Hide the data table' : 'Show as a table'}
      </Button>
      {showTable && (
        <div id="microservices-score-history-table">
          <Table size="small" aria-label="Score history">
            <TableHead>
              <TableRow>
                <TableCell>Evaluated</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell>Level</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {latestFirst.map(p => (
                <TableRow key={p.evaluatedAt}>
                  <TableCell>{formatDateTime(p.evaluatedAt)}</TableCell>
                  <TableCell align="right">{p.score}</TableCell>
                  <TableCell>{p.level}</TableCell>
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
