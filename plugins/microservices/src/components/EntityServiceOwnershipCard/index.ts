export { EntityServiceOwnershipCard } from './EntityServiceOwnershipCard';
