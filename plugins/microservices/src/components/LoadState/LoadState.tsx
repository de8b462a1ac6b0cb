import { ReactNode } from 'react';
import { EmptyState, Progress, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { describeError, isNotFoundError } from '../../lib/describeError';

/** What an empty (or not yet evaluated) result says. */
export interface EmptyMessage {
  title: string;
  description: string;
}

/** A service the backend has no result for yet (404). */
export const NOT_EVALUATED: EmptyMessage = {
  title: 'Not evaluated yet',
  description:
    'This service has no compliance result yet. New and changed services are scored at the next evaluation of the catalog, which runs on a schedule (every 30 minutes by default).',
};

/** The landscape before the first evaluation, or a catalog without services. */
export const NO_SERVICES_EVALUATED: EmptyMessage = {
  title: 'No services evaluated yet',
  description:
    'Services are catalog Components with spec.type service. Register some in the catalog; they are scored at the next evaluation.',
};

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

export interface LoadStateProps {
  loading?: boolean;
  error?: unknown;
  /** Completes "Could not load …", e.g. `the dependencies`. */
  what: string;
  onRetry?: () => void;
  /** Shown instead of an error when the backend answers 404. */
  notFound?: EmptyMessage;
  /** Shown when there is nothing to show (e.g. no value, or zero services). */
  empty?: EmptyMessage | false;
  /** Empty and not-found messages as a line of text (inside a card) instead of a panel. */
  compact?: boolean;
  /** The loaded content; a function is only called once loaded. */
  children?: ReactNode | (() => ReactNode);
}

/**
 * The one loading / error / empty state of every page and card: a progress bar while loading,
 * the empty message (or "not evaluated yet" on a 404), the error in words with a retry, or
 * the content once loaded.
 */
export function LoadState(props: LoadStateProps) {
  const { loading, error, what, onRetry, notFound, empty, compact, children } =
    props;
  const message = (m: EmptyMessage) =>
    compact ? (
      <Typography variant="body2">
        {m.title}. {m.description}
      </Typography>
    ) : (
      <EmptyState missing="data" title={m.title} description={m.description} />
    );
  if (loading) return <Progress />;
  if (error && notFound && isNotFoundError(error)) return message(notFound);
  if (error) {
    return <LoadErrorPanel error={error} what={what} onRetry={onRetry} />;
  }
  if (empty) return message(empty);
  return <>{typeof children === 'function' ? children() : children}</>;
}
