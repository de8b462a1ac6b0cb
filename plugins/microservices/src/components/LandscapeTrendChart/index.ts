export { LandscapeTrendChart, describeTrend } from './LandscapeTrendChart';
