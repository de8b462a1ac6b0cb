export { HealthHistoryChart } from './HealthHistoryChart';
