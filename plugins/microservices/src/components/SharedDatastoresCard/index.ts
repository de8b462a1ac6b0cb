export { SharedDatastoresCard } from './SharedDatastoresCard';
