export { HealthStatusLabel, healthLabel } from './HealthStatusLabel';
export { HealthCell, healthDetails } from './HealthCell';
