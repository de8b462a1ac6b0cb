export { ServiceFilters } from './ServiceFilters';
export type {
  ServiceFilterOptions,
  ServiceFiltersProps,
} from './ServiceFilters';
