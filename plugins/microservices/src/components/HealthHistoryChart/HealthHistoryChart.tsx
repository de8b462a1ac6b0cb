import { useState } from 'react';
import type {
  HealthHistoryPoint,
  HealthStatus,
} from '@microservices-backstage/plugin-microservices-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { formatDateTime } from '../../lib/formatTime';
import { HealthStatusLabel, healthLabel } from '../HealthStatusLabel';

const useStyles = makeStyles(theme => ({
  chart: { display: 'block', width: '100%', height: 48 },
  tableWrap: {
    maxHeight: 280,
    overflowY: 'auto',
    overflowX: 'hidden',
    marginTop: theme.spacing(1),
  },
  legend: { color: theme.palette.text.secondary },
  // Backstage's cells break anywhere; numbers, times and headers must not.
  nowrap: { whiteSpace: 'nowrap', wordBreak: 'normal', overflowWrap: 'normal' },
  // The message sits under the status: the card is too narrow for a column of its own.
  statusCell: { wordBreak: 'normal', overflowWrap: 'normal' },
  message: {
    display: 'block',
    color: theme.palette.text.secondary,
    wordBreak: 'normal',
    overflowWrap: 'break-word',
  },
}));

/**
 * The latest probes as a strip of bars, oldest left: the colour is the status (the bar's
 * title and the table say it in words), the height the latency relative to the slowest.
 * "Show as table" gives the same points as a table.
 */
export function HealthHistoryChart(props: { points: HealthHistoryPoint[] }) {
  const { points } = props;
  const classes = useStyles();
  const theme = useTheme();
  const [asTable, setAsTable] = useState(false);
  const status = theme.palette.status ?? {
    ok: '#1db855',
    warning: '#f49b20',
    error: theme.palette.error.main,
  };
  const colour: Record<HealthStatus, string> = {
    healthy: status.ok,
    degraded: status.warning,
    unhealthy: status.error,
    unknown: theme.palette.text.disabled,
  };
  if (points.length === 0) {
    return <Typography variant="body2">No probes recorded yet.</Typography>;
  }
  const maxLatency = Math.max(1, ...points.map(p => p.latencyMs ?? 0));
  const width = 100 / points.length;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <div>
      {asTable ? (
        <div className={classes.tableWrap}>
          <Table size="small" aria-label="Health history">
            <TableHead>
              <TableRow>
                <TableCell className={classes.nowrap}>Checked</TableCell>
                <TableCell className={classes.nowrap}>Status</TableCell>
                <TableCell className={classes.nowrap} align="right">
                  Latency
                </TableCell>
                <TableCell className={classes.nowrap} align="right">
                  HTTP
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...points].reverse().map((p, i) => (
                <TableRow key={`${p.checkedAt}-${i}`}>
                  <TableCell className={classes.nowrap}>
                    {formatDateTime(p.checkedAt)}
                  </TableCell>
                  <TableCell className={classes.statusCell}>
                    <HealthStatusLabel health={p} />
                    {p.message ? (
                      <Typography variant="caption" className={classes.message}>
                        {p.message}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell className={classes.nowrap} align="right">
                    {typeof p.latencyMs === 'number'
                      ? `${Math.round(p.latencyMs)} ms`
                      : '–'}
                  </TableCell>
                  <TableCell className={classes.nowrap} align="right">
                    {p.httpStatus ?? '–'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <>
          <svg
            className={classes.chart}
            viewBox="0 0 100 40"
            preserveAspectRatio="none"
            role="img"
            aria-label={`Health of the last ${
              points.length
            } probes, from ${formatDateTime(
              first.checkedAt,
            )} to ${formatDateTime(
              last.checkedAt,
            )}; use "Show as table" for the values`}
          >
            {points.map((p, i) => {
              const h =
                p.status === 'unknown' || typeof p.latencyMs !== 'number'
                  ? 8
                  : 8 + (32 * p.latencyMs) / maxLatency;
              return (
                <rect
                  key={`${p.checkedAt}-${i}`}
                  x={i * width + width * 0.1}
                  y={40 - h}
                  width={width * 0.8}
                  height={h}
                  fill={colour[p.status] ?? colour.unknown}
                  data-status={p.status}
                >
                  <title>
                    {`${formatDateTime(p.checkedAt)}: ${healthLabel(p.status)}${
                      typeof p.latencyMs === 'number'
                        ? `, ${Math.round(p.latencyMs)} ms`
                        : ''
                    }`}
                  </title>
                </rect>
              );
            })}
          </svg>
          <Typography variant="caption" className={classes.legend}>
            {formatDateTime(first.checkedAt)} – {formatDateTime(last.checkedAt)}
            ; bar height is latency (slowest {Math.round(maxLatency)} ms)
          </Typography>
        </>
      )}
      <div>
        <Button size="small" onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </div>
    </div>
  );
}
