export { FilteredLink } from './FilteredLink';
