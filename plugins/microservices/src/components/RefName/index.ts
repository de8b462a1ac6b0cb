export { RefName } from './RefName';
