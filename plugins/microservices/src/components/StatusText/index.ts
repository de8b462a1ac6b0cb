export { StatusText } from './StatusText';
export type { StatusTone } from './StatusText';
