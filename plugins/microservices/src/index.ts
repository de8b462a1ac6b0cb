/**
 * The microservices frontend plugin: services overview, compliance scorecards.
 *
 * @packageDocumentation
 */
export {
  microservicesPlugin,
  MicroservicesPage,
  EntityComplianceCard,
} from './plugin';
export * from './api';
