/**
 * The microservices frontend plugin: services overview, architecture dashboard, principle
 * explanations, and entity page content (scorecard, ownership, dependencies, health,
 * compliance).
 *
 * @packageDocumentation
 */
export {
  microservicesPlugin,
  MicroservicesPage,
  EntityComplianceCard,
  EntityMicroserviceScorecardContent,
  EntityServiceOwnershipCard,
  EntityDependenciesCard,
  EntityHealthCard,
} from './plugin';
export type { EntityComplianceCardProps } from './components/EntityComplianceCard';
export { isMicroserviceEntity } from './lib/isMicroserviceEntity';
export {
  rootRouteRef as microservicesRootRouteRef,
  dashboardRouteRef as microservicesDashboardRouteRef,
  principleRouteRef as microservicesPrincipleRouteRef,
} from './routes';
export * from './api';
