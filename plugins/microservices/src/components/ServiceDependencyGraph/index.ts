export { ServiceDependencyGraph } from './ServiceDependencyGraph';
