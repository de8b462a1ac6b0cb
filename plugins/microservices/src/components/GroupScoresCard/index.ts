export { GroupScoresCard } from './GroupScoresCard';
