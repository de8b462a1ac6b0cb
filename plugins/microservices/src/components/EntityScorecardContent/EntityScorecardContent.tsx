import { useState } from 'react';
import { Gauge, InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCheckTitles } from '../../hooks/useCheckTitles';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import { principleExplanation, principleTitle } from '../../lib/principles';
import {
  countStatuses,
  describeCounts,
  groupChecksByPrinciple,
  missingRefsOf,
  PrincipleGroup,
} from '../../lib/scorecard';
import { CheckResultItem, EvaluatedAt } from '../CheckResultItem';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { LevelBadge } from '../LevelBadge';
import { CatalogWarnings, LevelProgress } from '../LevelProgress';
import { LoadState, NOT_EVALUATED } from '../LoadState';
import { ScoreHistoryCard } from '../ScoreHistoryCard';

const useStyles = makeStyles(theme => ({
  settledPrinciple: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
}));

/** A principle with a failing, warning or exempt check gets a card of its own. */
const needsCard = (group: PrincipleGroup) => group.attention.length > 0;

/** The checks of one principle: problems open, passing and not-applicable ones collapsed. */
function PrincipleChecks(props: {
  group: PrincipleGroup;
  titles?: Map<string, string>;
  missingRefs: ReadonlySet<string>;
}) {
  const { group, titles, missingRefs } = props;
  const [open, setOpen] = useState(false);
  const settled = describeCounts(countStatuses(group.settled));
  return (
    <>
      {group.attention.map(check => (
        <CheckResultItem
          key={check.id}
          check={check}
          title={titles?.get(check.id)}
          missingRefs={missingRefs}
        />
      ))}
      {group.settled.length > 0 && (
        <>
          <Button
            size="small"
            color="primary"
            aria-expanded={open}
            onClick={() => setOpen(o => !o)}
            style={{ marginTop: group.attention.length ? 8 : 0 }}
          >
            {open ? `Hide ${settled}` : `Show ${settled}`}
          </Button>
          {open &&
            group.settled.map(check => (
              <CheckResultItem
                key={check.id}
                check={check}
                title={titles?.get(check.id)}
                missingRefs={missingRefs}
              />
            ))}
        </>
      )}
    </>
  );
}

function ScoreSummary(props: {
  detail: ServiceDetail;
  titleOf: (checkId: string) => string;
}) {
  const { detail, titleOf } = props;
  const counts = countStatuses(detail.checks);
  return (
    <InfoCard title="Compliance score" variant="gridItem">
      <Box display="flex" alignItems="center" style={{ gap: 24 }}>
        <Box width={120} aria-hidden="true">
          <Gauge value={detail.score} fractional={false} max={100} unit="" />
        </Box>
        <div>
          <Typography variant="h4" component="p">
            Score {detail.score} of 100
          </Typography>
          <LevelBadge level={detail.level} />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {describeCounts(counts)}
          </Typography>
          <LevelProgress detail={detail} titleOf={titleOf} />
          <EvaluatedAt at={detail.evaluatedAt} stale={detail.stale} />
        </div>
      </Box>
    </InfoCard>
  );
}

/**
 * The full scorecard of a service: score and level, score history, and every check grouped
 * by principle with what was seen, how to fix it, and its exemption.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const links = useMicroservicesLinks();
  const classes = useStyles();
  const detail = useServiceDetail(entity);
  // Check titles are a nicety: without them the ids are shown.
  const { titles, titleOf } = useCheckTitles();

  if (!detail.value || detail.loading || detail.error) {
    return (
      <LoadState
        loading={detail.loading}
        error={detail.error}
        onRetry={detail.retry}
        what="the compliance result"
        notFound={NOT_EVALUATED}
        empty={NOT_EVALUATED}
      />
    );
  }
  const groups = groupChecksByPrinciple(detail.value.checks);
  const missing = missingRefsOf(detail.value);

  return (
    <Grid container spacing={3}>
      {(detail.value.warnings ?? []).length > 0 && (
        <Grid item xs={12}>
          <CatalogWarnings warnings={detail.value.warnings} />
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <ScoreSummary detail={detail.value} titleOf={titleOf} />
      </Grid>
      <Grid item xs={12} md={7}>
        <ScoreHistoryCard entity={entity} variant="gridItem" />
      </Grid>
      {groups.filter(needsCard).map(group => (
        <Grid item xs={12} key={group.principle}>
          <section
            id={`principle-${group.principle}`}
            aria-label={principleTitle(group.principle)}
          >
            <InfoCard
              title={
                <Box
                  display="flex"
                  alignItems="center"
                  flexWrap="wrap"
                  style={{ gap: 16 }}
                >
                  <span>{principleTitle(group.principle)}</span>
                  <CheckStatusLabel status={group.worst} />
                </Box>
              }
              subheader={
                <>
                  {describeCounts(group.counts)}
                  {principleExplanation(group.principle) &&
                    ` — ${principleExplanation(group.principle)!.summary}`}
                </>
              }
              deepLink={
                links.principle
                  ? {
                      link: links.principle(group.principle),
                      title: `Why ${principleTitle(group.principle)} matters`,
                    }
                  : undefined
              }
            >
              <PrincipleChecks
                group={group}
                titles={titles}
                missingRefs={missing}
              />
            </InfoCard>
          </section>
        </Grid>
      ))}
      {groups.some(g => !needsCard(g)) && (
        <Grid item xs={12}>
          <InfoCard
            title="Principles without problems"
            subheader="Every applicable check of these principles passes; their checks are collapsed."
          >
            {groups
              .filter(g => !needsCard(g))
              .map(group => (
                <section
                  key={group.principle}
                  id={`principle-${group.principle}`}
                  aria-label={principleTitle(group.principle)}
                  className={classes.settledPrinciple}
                >
                  <Box
                    display="flex"
                    alignItems="baseline"
                    flexWrap="wrap"
                    style={{ gap: 12 }}
                  >
                    <Typography variant="subtitle1" component="h3">
                      {principleTitle(group.principle)}
                    </Typography>
                    <CheckStatusLabel status={group.worst} />
                    {links.principle && (
                      <Link
                        to={links.principle(group.principle)}
                        variant="body2"
                      >
                        Why it matters
                      </Link>
                    )}
                  </Box>
                  <PrincipleChecks
                    group={group}
                    titles={titles}
                    missingRefs={missing}
                  />
                </section>
              ))}
          </InfoCard>
        </Grid>
      )}
      {links.principles && (
        <Grid item xs={12}>
          <Link to={links.principles()}>All principles explained</Link>
        </Grid>
      )}
    </Grid>
  );
}
