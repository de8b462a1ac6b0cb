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
 * Pass rate per principle as horizontal bars. The chart is an image to screen readers, with
 * a label that says where the data is as text: the table beside it.
 */
export function PrinciplePassRateChart(props: {
  principles: PrinciplePassRate[];
}) {
  const theme = useTheme();
  const data = props.principles.map(p => ({
    principle: principleTitle(p.principle),
    passRate: p.passRate === null ? 0 : Math.round(p.passRate * 100),
    applicable: p.passRate !== null,
  }));
  const lowest = [...props.principles]
    .filter(p => p.passRate !== null)
    .sort((a, b) => (a.passRate ?? 0) - (b.passRate ?? 0))[0];
  const lowestText = lowest
    ? `; lowest: ${principleTitle(lowest.principle)} at ${formatPassRate(
        lowest.passRate,
      )}`
    : '';
  const label = `Bar chart of the pass rate per principle, ${props.principles.length} principles${lowestText}. The same data is in the table "Pass rate per principle".`;
  const colorOf = (rate: number, applicable: boolean) => {
    if (!applicable) return theme.palette.text.disabled;
    if (rate >= 90) return theme.palette.status.ok;
    if (rate >= 75) return theme.palette.status.warning;
    return theme.palette.status.error;
  };
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height={Math.max(200, data.length * 40 + 40)}
        initialDimension={{ width: 600, height: 400 }}
      >
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 16, right: 24 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="principle" width={220} interval={0} />
          <Tooltip formatter={value => [`${value}%`, 'Pass rate']} />
          <Bar dataKey="passRate" isAnimationActive={false}>
            {data.map(d => (
              <Cell
                key={d.principle}
                fill={colorOf(d.passRate, d.applicable)}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
