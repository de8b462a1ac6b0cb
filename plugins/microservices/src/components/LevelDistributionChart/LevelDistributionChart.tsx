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
import { levelColor } from '../../lib/levelColors';

/** How many services reach each level, as bars; the list beside it carries the same numbers. */
export function LevelDistributionChart(props: {
  levels: { level: string; count: number }[];
}) {
  const { levels } = props;
  const label = `Bar chart of services per level: ${levels
    .map(l => `${l.level} ${l.count}`)
    .join(', ')}.`;
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height={220}
        initialDimension={{ width: 400, height: 220 }}
      >
        <BarChart data={levels} margin={{ left: 0, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="level" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={value => [value, 'Services']} />
          <Bar dataKey="count" isAnimationActive={false}>
            {levels.map(l => (
              <Cell key={l.level} fill={levelColor(l.level)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
