import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import { isNotFoundError } from '../../lib/describeError';
import { formatDateTime } from '../../lib/formatTime';
import { HealthStatusLabel } from '../HealthStatusLabel';
import { LoadErrorPanel } from '../LoadErrorPanel';

const SENTENCES = {
  healthy: 'The service answered its health check.',
  degraded:
    'The service answered its health check, but reported a problem or answered slowly.',
  unhealthy:
    'The service did not answer its health check, or reported that it is failing.',
  unknown:
    'The health of this service is not known: live probing of services’ health endpoints is not available yet, so no status is shown rather than a guess.',
};

/** The service's health: status, latency and when it was last checked, or plainly unknown. */
export function EntityHealthCard(props: { variant?: 'gridItem' }) {
  const { entity } = useEntity();
  const detail = useServiceDetail(entity);
  let content;
  if (detail.loading) {
    content = <Progress />;
  } else if (detail.error && !isNotFoundError(detail.error)) {
    content = (
      <LoadErrorPanel
        error={detail.error}
        what="the health"
        onRetry={detail.retry}
      />
    );
  } else {
    // Without a result (404) nothing is known about the health either.
    const health = detail.value?.health ?? { status: 'unknown' as const };
    const status = health.status in SENTENCES ? health.status : 'unknown';
    content = (
      <>
        <Typography variant="h6" component="p">
          <HealthStatusLabel health={health} />
        </Typography>
        <Typography variant="body2" paragraph>
          {SENTENCES[status]}
        </Typography>
        {status !== 'unknown' && (
          <Typography variant="body2">
            {typeof health.latencyMs === 'number' &&
              `Latency ${Math.round(health.latencyMs)} ms. `}
            {health.checkedAt &&
              `Last checked ${formatDateTime(health.checkedAt)}.`}
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Health" variant={props.variant}>
      {content}
    </InfoCard>
  );
}
