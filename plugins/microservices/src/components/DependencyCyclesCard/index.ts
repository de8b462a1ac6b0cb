export { DependencyCyclesCard } from './DependencyCyclesCard';
