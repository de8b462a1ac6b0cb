import { WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { describeError } from '../../lib/describeError';

/**
 * A failed load in plain words (what failed, the backend's message, what to do), with a retry
 * button; never a stack trace.
 */
export function LoadErrorPanel(props: {
  error: unknown;
  /** What was being loaded, e.g. "the services". */
  what: string;
  onRetry?: () => void;
}) {
  const { error, what, onRetry } = props;
  const { title, message } = describeError(error, what);
  return (
    <WarningPanel severity="error" title={title} defaultExpanded>
      <Typography variant="body2" component="p">
        {message}
      </Typography>
      {onRetry && (
        <Button
          variant="outlined"
          size="small"
          onClick={onRetry}
          style={{ marginTop: 8 }}
        >
          Try again
        </Button>
      )}
    </WarningPanel>
  );
}
