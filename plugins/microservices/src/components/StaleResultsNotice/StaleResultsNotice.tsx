import Alert from '@material-ui/lab/Alert';
import { formatDateTime } from '../../lib/formatTime';

export interface StaleResultsNoticeProps {
  /** The API's `stale` flag: the latest evaluation run failed. */
  stale?: boolean;
  /** When the results shown were computed (the last run that succeeded). */
  evaluatedAt?: string;
}

/** That the latest evaluation failed, and when the results shown were computed. */
export function staleResultsMessage(evaluatedAt?: string): string {
  return `The latest evaluation failed; these results are from the last one that succeeded${
    evaluatedAt ? `, ${formatDateTime(evaluatedAt)}` : ''
  }.`;
}

/**
 * Says that the results on screen are older than the latest evaluation run, which failed
 * (catalog or database unavailable), so nobody takes an old score for a current one.
 * Renders nothing when the results are current.
 */
export function StaleResultsNotice({
  stale,
  evaluatedAt,
}: StaleResultsNoticeProps) {
  if (!stale) return null;
  return (
    <Alert severity="warning" style={{ marginBottom: 16 }}>
      {staleResultsMessage(evaluatedAt)} The backend logs say why; the next
      scheduled run tries again.
    </Alert>
  );
}
