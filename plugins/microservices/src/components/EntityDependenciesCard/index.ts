export { EntityDependenciesCard } from './EntityDependenciesCard';
