import type { PrinciplePassRate } from '@microservices-backstage/plugin-microservices-common';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { principleTitle } from '../../lib/principles';

/** A pass rate in words: "86%" or "no applicable check". */
export function formatPassRate(rate: number | null): string {
  return rate === null ? 'no applicable check' : `${Math.round(rate * 100)}%`;
}

/**
 * The lower end of the pass-rate axis: a round number 10 points under the lowest rate, so that
 * differences between 92% and 98% show instead of bars of almost equal length.
 */
export function passRateAxisMin(rates: number[]): number {
  if (rates.length === 0) return 0;
  const lowest = Math.min(...rates);
  return Math.max(0, Math.floor(lowest / 10) * 10 - 10);
}

/**
 * Pass rate per principle as horizontal bars, worst first (the order given), on an axis that
 * starts near the lowest rate. The chart is an image to screen readers, with a label that says
 * where the data is as text: the table beside it. Principles without applicable checks are
 * left out of the chart (the table lists them).
 */
export function PrinciplePassRateChart(props: {
  principles: PrinciplePassRate[];
}) {
  const theme = useTheme();
  const applicable = props.principles.filter(p => p.passRate !== null);
  const data = applicable.map(p => ({
    principle: principleTitle(p.principle),
    passRate: Math.round((p.passRate ?? 0) * 100),
  }));
  const axisMin = passRateAxisMin(data.map(d => d.passRate));
  const lowest = [...applicable].sort(
    (a, b) => (a.passRate ?? 0) - (b.passRate ?? 0),
  )[0];
  const lowestText = lowest
    ? `; lowest: ${principleTitle(lowest.principle)} at ${formatPassRate(
        lowest.passRate,
      )}`
    : '';
  const label = `Bar chart of the pass rate per principle, worst first, ${data.length} principles with applicable checks${lowestText}; the axis starts at ${axisMin}%. The same data is in the table "Pass rate per principle".`;
  const colorOf = (rate: number) => {
    if (rate >= 90) return theme.palette.status.ok;
    if (rate >= 75) return theme.palette.status.warning;
    return theme.palette.status.error;
  };
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height={Math.max(160, data.length * 28 + 40)}
        initialDimension={{ width: 600, height: 400 }}
      >
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[axisMin, 100]}
            unit="%"
            allowDataOverflow
          />
          <YAxis
            type="category"
            dataKey="principle"
            width={220}
            interval={0}
            tick={{ fontSize: theme.typography.body2.fontSize }}
          />
          <Tooltip formatter={value => [`${value}%`, 'Pass rate']} />
          <Bar dataKey="passRate" isAnimationActive={false}>
            {data.map(d => (
              <Cell key={d.principle} fill={colorOf(d.passRate)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
