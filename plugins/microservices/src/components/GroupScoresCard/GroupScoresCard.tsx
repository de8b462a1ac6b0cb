import { InfoCard } from '@backstage/core-components';
import type { LandscapeSummary } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import { GroupScoreTable } from '../GroupScoreTable';

/** Average score per team, system and domain, side by side, worst first. */
export function GroupScoresCard(props: {
  summary: Pick<LandscapeSummary, 'byOwner' | 'bySystem' | 'byDomain'>;
}) {
  const { summary } = props;
  return (
    <InfoCard
      title="Scores by team, system and domain"
      subheader="Worst average first; services without an owner, system or domain are in the (none) row"
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <GroupScoreTable
            title="By team"
            groupLabel="Team"
            groups={summary.byOwner}
            kind="group"
            filterKey="owner"
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <GroupScoreTable
            title="By system"
            groupLabel="System"
            groups={summary.bySystem}
            kind="system"
            filterKey="system"
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <GroupScoreTable
            title="By domain"
            groupLabel="Domain"
            groups={summary.byDomain}
            kind="domain"
            filterKey="domain"
          />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
