import { InfoCard, Link } from '@backstage/core-components';
import {
  HEALTH_STATUSES,
  HealthStatus,
  LandscapeSummary,
} from '@microservices-backstage/plugin-microservices-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { HealthStatusLabel, healthLabel } from '../HealthStatusLabel';

/**
 * How many services are healthy, degraded, unhealthy and unknown, each count a link to the
 * overview filtered by that status.
 */
export function HealthStatusCountsCard(props: {
  health: LandscapeSummary['health'] | undefined;
}) {
  const links = useMicroservicesLinks();
  const counts = new Map<HealthStatus, number>(
    (props.health ?? []).map(h => [h.status, h.count]),
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (
    <InfoCard title="Health" subheader="Services per live health status">
      {total === 0 ? (
        <Typography variant="body2">No service evaluated yet.</Typography>
      ) : (
        <Table size="small" aria-label="Services per health status">
          <TableHead>
            <TableRow>
              <TableCell>Status</TableCell>
              <TableCell align="right">Services</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {HEALTH_STATUSES.map(status => {
              const count = counts.get(status) ?? 0;
              return (
                <TableRow key={status}>
                  <TableCell component="th" scope="row">
                    <HealthStatusLabel health={{ status }} />
                  </TableCell>
                  <TableCell align="right">
                    {links.overview && count > 0 ? (
                      <Link
                        to={links.overview({ health: [status] })}
                        aria-label={`${count} ${healthLabel(
                          status,
                        ).toLocaleLowerCase('en-US')} services: show them`}
                      >
                        {count}
                      </Link>
                    ) : (
                      count
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
