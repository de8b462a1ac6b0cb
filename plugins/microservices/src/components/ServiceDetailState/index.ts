export { ServiceDetailState } from './ServiceDetailState';
