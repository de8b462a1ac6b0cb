/**
 * The microservices backend plugin: scores every service against the microservice principles.
 *
 * @packageDocumentation
 */
export { microservicesPlugin as default } from './plugin';
