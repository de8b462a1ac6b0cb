import type {
  HealthStatus,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import { formatRelative } from '../../lib/formatTime';
import { StatusText, StatusTone } from '../StatusText';

const LABELS: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
  unknown: 'Unknown',
};

const TONES: Record<HealthStatus, StatusTone> = {
  healthy: 'ok',
  degraded: 'warning',
  unhealthy: 'error',
  unknown: 'unknown',
};

/** The words for a health status; anything the UI does not know is "Unknown". */
export function healthLabel(status: HealthStatus | string | undefined): string {
  return LABELS[status as HealthStatus] ?? LABELS.unknown;
}

/**
 * A service's health in words: status, then latency and how long ago it was checked when the
 * backend knows them. Never more than the backend says.
 */
export function HealthStatusLabel(props: {
  health: ServiceSummary['health'] | undefined;
  /** Show latency and last-checked time after the status. */
  details?: boolean;
}) {
  const { health, details } = props;
  const status: HealthStatus =
    health && health.status in LABELS ? health.status : 'unknown';
  const extra: string[] = [];
  if (details && status !== 'unknown') {
    if (typeof health?.latencyMs === 'number')
      extra.push(`${Math.round(health.latencyMs)} ms`);
    if (health?.checkedAt)
      extra.push(`checked ${formatRelative(health.checkedAt)}`);
  }
  return (
    <StatusText tone={TONES[status]}>
      {LABELS[status]}
      {extra.length > 0 && ` · ${extra.join(' · ')}`}
    </StatusText>
  );
}
