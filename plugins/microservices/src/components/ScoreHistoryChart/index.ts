export { ScoreHistoryChart, describeHistory } from './ScoreHistoryChart';
