export { StaleResultsNotice, staleResultsMessage } from './StaleResultsNotice';
export type { StaleResultsNoticeProps } from './StaleResultsNotice';
