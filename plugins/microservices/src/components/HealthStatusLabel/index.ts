export { HealthStatusLabel, healthLabel } from './HealthStatusLabel';
