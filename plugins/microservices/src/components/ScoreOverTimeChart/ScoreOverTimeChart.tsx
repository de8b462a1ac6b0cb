import { ReactNode, useState } from 'react';
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

/** A column of the table alternative, after the "Evaluated" column. */
export type ScoreOverTimeColumn<T> = {
  title: string;
  align?: 'left' | 'right';
  render: (point: T) => ReactNode;
};

/** The keys of `T` whose values are numbers: the ones a line can plot. */
type NumericKey<T> = {
  [K in keyof T]: T[K] extends number ? K : never;
}[keyof T] &
  string;

export type ScoreOverTimeChartProps<T extends { evaluatedAt: string }> = {
  /** The points, in any order; they are sorted by `evaluatedAt`. */
  points: T[];
  /** What to plot, and how. */
  line: {
    /** The numeric field to plot. */
    dataKey: NumericKey<T>;
    /** The name of the value in the tooltip. */
    name: string;
    /** The line's interpolation. */
    type: 'stepAfter' | 'monotone' | 'linear';
  };
  /** The chart's height, and the width to assume before the container is measured. */
  size: { width: number; height: number };
  /** The chart's accessible name, given the points sorted oldest first. */
  ariaLabel: (sortedPoints: T[]) => string;
  /** The id of the element holding the table alternative. */
  tableId: string;
  /** The table's accessible name. */
  tableAriaLabel: string;
  /** The table's columns after "Evaluated". */
  columns: ScoreOverTimeColumn<T>[];
};

/**
 * A score over time as a line, labelled for screen readers, and a button that shows the same
 * data as a table, latest first.
 */
export function ScoreOverTimeChart<T extends { evaluatedAt: string }>(
  props: ScoreOverTimeChartProps<T>,
) {
  const { line, size, tableId, columns } = props;
  const theme = useTheme();
  const [showTable, setShowTable] = useState(false);
  const points = [...props.points].sort((a, b) =>
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
      <div role="img" aria-label={props.ariaLabel(points)}>
        <ResponsiveContainer
          width="100%"
          height={size.height}
          initialDimension={size}
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
              formatter={value => [value, line.name]}
            />
            <Line
              type={line.type}
              dataKey={line.dataKey}
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
        aria-controls={tableId}
      >
        {showTable ? 'Hide the data table' : 'Show as a table'}
      </Button>
      {showTable && (
        <div id={tableId}>
          <Table size="small" aria-label={props.tableAriaLabel}>
            <TableHead>
              <TableRow>
                <TableCell>Evaluated</TableCell>
                {columns.map(c => (
                  <TableCell key={c.title} align={c.align}>
                    {c.title}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {latestFirst.map(p => (
                <TableRow key={p.evaluatedAt}>
                  <TableCell>{formatDateTime(p.evaluatedAt)}</TableCell>
                  {columns.map(c => (
                    <TableCell key={c.title} align={c.align}>
                      {c.render(p)}
                    </TableCell>
                  ))}
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
