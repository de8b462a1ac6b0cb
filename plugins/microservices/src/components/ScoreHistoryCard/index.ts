export { ScoreHistoryCard } from './ScoreHistoryCard';
