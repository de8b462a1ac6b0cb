export { GroupScoreTable } from './GroupScoreTable';
