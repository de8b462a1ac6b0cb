export { LandscapeTrendCard } from './LandscapeTrendCard';
