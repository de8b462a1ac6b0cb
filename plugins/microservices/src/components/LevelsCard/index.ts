export { LevelsCard } from './LevelsCard';
