export { ScoreOverTimeChart } from './ScoreOverTimeChart';
export type {
  ScoreOverTimeChartProps,
  ScoreOverTimeColumn,
} from './ScoreOverTimeChart';
