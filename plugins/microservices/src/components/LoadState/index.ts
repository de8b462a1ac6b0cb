export {
  LoadState,
  LoadErrorPanel,
  NOT_EVALUATED,
  NO_SERVICES_EVALUATED,
} from './LoadState';
export type { LoadStateProps, EmptyMessage } from './LoadState';
