export { HealthStatusCountsCard } from './HealthStatusCountsCard';
