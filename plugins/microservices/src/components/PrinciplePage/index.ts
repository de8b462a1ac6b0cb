export { PrinciplePage } from './PrinciplePage';
