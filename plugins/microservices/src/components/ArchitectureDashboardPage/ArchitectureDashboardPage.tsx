import { useApi } from '@backstage/core-plugin-api';
import { StaleResultsNotice } from '../StaleResultsNotice';
import type { LandscapeSummary } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { DependencyCyclesCard } from '../DependencyCyclesCard';
import { GroupScoresCard } from '../GroupScoresCard';
import { HealthStatusCountsCard } from '../HealthStatusCountsCard';
import { LandscapeFiguresCard } from '../LandscapeFiguresCard';
import { LandscapeTrendCard } from '../LandscapeTrendCard';
import { LevelsCard } from '../LevelsCard';
import { LoadState } from '../LoadState';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';
import { PrinciplePassRateCard } from '../PrinciplePassRateCard';
import { SharedDatastoresCard } from '../SharedDatastoresCard';

const useStyles = makeStyles({
  /** Cards side by side are as tall as each other. */
  stretch: { '& > *': { height: '100%' } },
});

/** The dashboard's cards, in rows that are always full (no lone half-width card). */
function Dashboard(props: { summary: LandscapeSummary }) {
  const { summary } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8} className={classes.stretch}>
        <LandscapeFiguresCard summary={summary} />
      </Grid>
      <Grid item xs={12} md={4} className={classes.stretch}>
        <HealthStatusCountsCard health={summary.health} />
      </Grid>
      <Grid item xs={12}>
        <PrinciplePassRateCard principles={summary.principles} />
      </Grid>
      <Grid item xs={12} md={6} className={classes.stretch}>
        <SharedDatastoresCard sharedDatastores={summary.sharedDatastores} />
      </Grid>
      <Grid item xs={12} md={6} className={classes.stretch}>
        <DependencyCyclesCard cycles={summary.cycles} />
      </Grid>
      <Grid item xs={12} md={6} className={classes.stretch}>
        <LevelsCard levels={summary.levels} />
      </Grid>
      <Grid item xs={12} md={6} className={classes.stretch}>
        <LandscapeTrendCard />
      </Grid>
      <Grid item xs={12}>
        <GroupScoresCard summary={summary} />
      </Grid>
    </Grid>
  );
}

/**
 * The landscape at a glance: figures and health, pass rate per principle, shared datastores,
 * dependency cycles, levels, the trend, and scores by team, system and domain. Every number is
 * a count of services and links to the overview filtered to them. Each part is a component of
 * its own.
 */
export function ArchitectureDashboardPage() {
  const api = useApi(microservicesApiRef);
  const summary = useAsyncRetry(() => api.getSummary(), [api]);
  return (
    <MicroservicesPageLayout
      section="dashboard"
      subtitle="How the whole landscape follows the microservice principles"
    >
      <LoadState
        loading={summary.loading}
        error={summary.error}
        onRetry={summary.retry}
        what="the landscape summary"
        empty={
          (!summary.value || summary.value.serviceCount === 0) && {
            title: 'No services evaluated yet',
            description:
              'The dashboard summarizes the evaluated services. Services are catalog Components with spec.type service; they are scored at the next evaluation.',
          }
        }
      >
        {() =>
          summary.value && (
            <>
              <StaleResultsNotice
                stale={summary.value.stale}
                evaluatedAt={summary.value.evaluatedAt}
              />
              <Dashboard summary={summary.value} />
            </>
          )
        }
      </LoadState>
    </MicroservicesPageLayout>
  );
}
