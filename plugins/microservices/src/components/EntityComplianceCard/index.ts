export { EntityComplianceCard } from './EntityComplianceCard';
export type { EntityComplianceCardProps } from './EntityComplianceCard';
