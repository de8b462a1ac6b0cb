export { MicroservicesRouter } from './MicroservicesRouter';
