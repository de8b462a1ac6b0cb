export { StaleResultsNotice } from './StaleResultsNotice';
export type { StaleResultsNoticeProps } from './StaleResultsNotice';
