import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import type { LandscapeSummary } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatDateTime, formatRelative } from '../../lib/formatTime';
import { FilteredLink } from '../FilteredLink';

function Figure(props: { value: ReactNode; label: ReactNode }) {
  return (
    <>
      <Typography variant="h3" component="p">
        {props.value}
      </Typography>
      <Typography variant="body2">{props.label}</Typography>
    </>
  );
}

/**
 * The landscape at a glance: services evaluated (linking to them all), their average score as
 * the backend computes it (every service, with or without owner), when, how many hold each
 * level, and how much coupling there is (shared datastores, cycles).
 */
export function LandscapeFiguresCard(props: { summary: LandscapeSummary }) {
  const { summary } = props;
  const conflicting = summary.sharedDatastores.filter(
    d => d.conflicting,
  ).length;
  return (
    <InfoCard title="Landscape">
      <Grid container spacing={3}>
        <Grid item xs={12} sm={4}>
          <Figure
            value={
              <FilteredLink
                filters={{}}
                label={`${summary.serviceCount} services: show them all`}
              >
                {summary.serviceCount}
              </FilteredLink>
            }
            label="services evaluated"
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Figure
            value={
              summary.averageScore === null
                ? '—'
                : Math.round(summary.averageScore)
            }
            label="average score"
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Typography variant="h6" component="p">
            {summary.evaluatedAt
              ? formatRelative(summary.evaluatedAt)
              : 'not yet'}
          </Typography>
          <Typography variant="body2">
            last evaluation
            {summary.evaluatedAt
              ? ` (${formatDateTime(summary.evaluatedAt)})`
              : ''}
          </Typography>
        </Grid>
        <Grid item xs={12}>
          <Typography variant="body2" component="p">
            <strong>Levels: </strong>
            {summary.levels.map((l, i) => (
              <span key={l.level}>
                {i > 0 && ', '}
                {l.count > 0 ? (
                  <FilteredLink
                    filters={{ level: [l.level] }}
                    label={`${l.count} at ${l.level}: show them`}
                  >
                    {l.count}
                  </FilteredLink>
                ) : (
                  0
                )}{' '}
                {l.level}
              </span>
            ))}
          </Typography>
          <Typography variant="body2" component="p">
            <strong>Coupling: </strong>
            {conflicting} {conflicting === 1 ? 'datastore' : 'datastores'}{' '}
            shared across teams or systems, {summary.cycles.length} dependency{' '}
            {summary.cycles.length === 1 ? 'cycle' : 'cycles'}
          </Typography>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
