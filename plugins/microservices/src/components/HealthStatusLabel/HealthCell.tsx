import Tooltip from '@material-ui/core/Tooltip';
import type { ServiceHealth } from '@microservices-backstage/plugin-microservices-common';
import { formatRelative } from '../../lib/formatTime';
import { HealthStatusLabel } from './HealthStatusLabel';

/** What the overview shows on hover: latency, HTTP status, when, and what was seen. */
export function healthDetails(health: ServiceHealth | undefined): string {
  if (!health) return 'Not probed yet';
  const parts: string[] = [];
  if (typeof health.latencyMs === 'number')
    parts.push(`${Math.round(health.latencyMs)} ms`);
  if (health.httpStatus) parts.push(`HTTP ${health.httpStatus}`);
  if (health.checkedAt)
    parts.push(`checked ${formatRelative(health.checkedAt)}`);
  if (health.message) parts.push(health.message);
  return parts.length ? parts.join(' · ') : 'Not probed yet';
}

/** The overview's health cell: status in words and colour; latency and details on hover. */
export function HealthCell(props: { health: ServiceHealth | undefined }) {
  const { health } = props;
  return (
    <Tooltip title={healthDetails(health)}>
      <span data-testid="health-cell">
        <HealthStatusLabel health={health} />
      </span>
    </Tooltip>
  );
}
