import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { HealthStatus } from '@microservices-backstage/plugin-microservices-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { isNotFoundError } from '../../lib/describeError';
import { formatDateTime, formatRelative } from '../../lib/formatTime';
import { HealthHistoryChart } from '../HealthHistoryChart';
import { HealthStatusLabel } from '../HealthStatusLabel';
import { LoadErrorPanel } from '../LoadState';

const ANNOTATION = 'microservices.backstage.io/health-endpoint';

const SENTENCES: Record<HealthStatus, string> = {
  healthy: 'The service answered its health check.',
  degraded:
    'The service answered its health check, but reported a problem or answered slowly.',
  unhealthy:
    'The service did not answer its health check, or reported that it is failing.',
  unknown:
    'The health of this service is not known, so no status is shown rather than a guess.',
};

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(1, 0, 2),
  },
  term: { color: theme.palette.text.secondary },
  message: { overflowWrap: 'anywhere' },
}));

/** "99.5 %", or a dash without probes in the period. */
export function formatUptime(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) return 'no probes';
  const percent = uptime * 100;
  const digits = percent === 100 || percent === 0 ? 0 : 1;
  return `${percent.toFixed(digits)} %`;
}

/**
 * The service's live health: status in words and colour, what was seen (or why the endpoint
 * was refused), latency, uptime over 24 hours and 7 days, when it was last checked, and the
 * latest probes as a chart with a table alternative.
 */
export function EntityHealthCard(props: { variant?: 'gridItem' }) {
  const { entity } = useEntity();
  const classes = useStyles();
  const api = useApi(microservicesApiRef);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const name = entity.metadata.name;
  const health = useAsyncRetry(
    () => api.getServiceHealth(namespace, name, { limit: 60 }),
    [api, namespace, name],
  );
  const endpoint = entity.metadata.annotations?.[ANNOTATION];

  let content;
  if (health.loading) {
    content = <Progress />;
  } else if (health.error && !isNotFoundError(health.error)) {
    content = (
      <LoadErrorPanel
        error={health.error}
        what="the health"
        onRetry={health.retry}
      />
    );
  } else {
    // Without a result (404) nothing is known about the health either.
    const current = health.value?.current ?? { status: 'unknown' as const };
    const status: HealthStatus =
      current.status in SENTENCES ? current.status : 'unknown';
    content = (
      <>
        <Typography variant="h6" component="p">
          <HealthStatusLabel health={current} />
        </Typography>
        <Typography variant="body2">{SENTENCES[status]}</Typography>
        <dl className={classes.facts}>
          {current.message && (
            <>
              <dt className={classes.term}>
                {current.message.startsWith('refused') ? 'Not probed' : 'Seen'}
              </dt>
              <dd className={classes.message} style={{ margin: 0 }}>
                {current.message}
              </dd>
            </>
          )}
          {typeof current.latencyMs === 'number' && (
            <>
              <dt className={classes.term}>Latency</dt>
              <dd style={{ margin: 0 }}>
                {Math.round(current.latencyMs)} ms
                {current.httpStatus ? ` (HTTP ${current.httpStatus})` : ''}
              </dd>
            </>
          )}
          {health.value && (
            <>
              <dt className={classes.term}>Uptime 24 h</dt>
              <dd style={{ margin: 0 }}>
                {formatUptime(health.value.uptime24h)}
              </dd>
              <dt className={classes.term}>Uptime 7 d</dt>
              <dd style={{ margin: 0 }}>
                {formatUptime(health.value.uptime7d)}
              </dd>
            </>
          )}
          {current.checkedAt && (
            <>
              <dt className={classes.term}>Last checked</dt>
              <dd
                style={{ margin: 0 }}
                title={formatDateTime(current.checkedAt)}
              >
                {formatRelative(current.checkedAt)}
              </dd>
            </>
          )}
          <dt className={classes.term}>Endpoint</dt>
          <dd className={classes.message} style={{ margin: 0 }}>
            {endpoint ? endpoint : `none declared (annotation ${ANNOTATION})`}
          </dd>
        </dl>
        {health.value && health.value.points.length > 0 && (
          <HealthHistoryChart points={health.value.points} />
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
