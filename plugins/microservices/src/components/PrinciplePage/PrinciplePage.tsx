import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ConfiguredCheck } from '@microservices-backstage/plugin-microservices-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { principleExplanation } from '../../lib/principles';
import { InlineCodeText } from '../InlineCodeText';
import { LoadState } from '../LoadState';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';

const useStyles = makeStyles(theme => ({
  check: {
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    scrollMarginTop: theme.spacing(10),
  },
  targeted: {
    outline: `3px solid ${theme.palette.primary.main}`,
  },
  checkHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

function CheckDescription(props: {
  check: ConfiguredCheck;
  targeted: boolean;
}) {
  const { check, targeted } = props;
  const classes = useStyles();
  const links = useMicroservicesLinks();
  return (
    <section
      id={check.id}
      className={`${classes.check} ${targeted ? classes.targeted : ''}`}
      aria-labelledby={`${check.id}-title`}
      aria-current={targeted ? 'location' : undefined}
    >
      <div className={classes.checkHeader}>
        <Typography variant="h6" component="h3" id={`${check.id}-title`}>
          {check.title}
        </Typography>
        <code>{check.id}</code>
        <Chip
          size="small"
          label={
            check.weight === 0
              ? 'informational (weight 0)'
              : `weight ${check.weight}`
          }
        />
        {!check.enabled && (
          <Chip size="small" label="disabled in this installation" />
        )}
      </div>
      <Typography variant="body2" component="p" style={{ marginTop: 8 }}>
        <InlineCodeText text={check.description} />
      </Typography>
      {links.overview && check.enabled && (
        <Link to={links.overview({ failingCheck: [check.id] })}>
          Services failing {check.id}
        </Link>
      )}
    </section>
  );
}

/**
 * One principle: why it matters, what the checks look at, how to comply, and the checks
 * configured for it in this installation (each at an anchor named by its id).
 */
export function PrinciplePage() {
  const { principleId = '' } = useParams();
  const api = useApi(microservicesApiRef);
  const links = useMicroservicesLinks();
  const { hash } = useLocation();
  const explanation = principleExplanation(principleId);
  const checks = useAsyncRetry(async () => {
    const all = await api.listChecks();
    return all.filter(c => c.principle === principleId);
  }, [api, principleId]);

  // The checks arrive after the page: scroll to the check the link pointed at once it exists.
  useEffect(() => {
    if (!hash || !checks.value) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'start' });
  }, [hash, checks.value]);

  if (
    !explanation &&
    !checks.loading &&
    !checks.error &&
    checks.value?.length === 0
  ) {
    return (
      <MicroservicesPageLayout section="principles">
        <EmptyState
          missing="content"
          title={`Unknown principle "${principleId}"`}
          description="No principle or check of this installation has this id."
          action={
            links.principles ? (
              <Link to={links.principles()}>See all principles</Link>
            ) : undefined
          }
        />
      </MicroservicesPageLayout>
    );
  }

  const target = decodeURIComponent(hash.slice(1));
  const checksContent = (
    <LoadState
      loading={checks.loading}
      error={checks.error}
      onRetry={checks.retry}
      what="the configured checks"
      empty={
        !checks.value?.length && {
          title: 'No check of this installation covers this principle',
          description:
            'Adopters can add their own checks through the backend extension point.',
        }
      }
      compact
    >
      {() =>
        checks.value?.map(check => (
          <CheckDescription
            key={check.id}
            check={check}
            targeted={check.id === target}
          />
        ))
      }
    </LoadState>
  );

  const title = explanation?.title ?? principleId;
  return (
    <MicroservicesPageLayout
      section="principles"
      subtitle={`Principle: ${title}`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <InfoCard
            title={title}
            subheader={
              explanation?.kind ?? 'Principle added by this installation'
            }
          >
            {explanation ? (
              <>
                <Typography variant="subtitle1" component="p" paragraph>
                  {explanation.summary}
                </Typography>
                <Typography variant="h6" component="h3">
                  Why it matters
                </Typography>
                <Typography variant="body2" paragraph>
                  {explanation.why}
                </Typography>
                <Typography variant="h6" component="h3">
                  What the checks look at
                </Typography>
                <Typography variant="body2" paragraph>
                  <InlineCodeText text={explanation.evidence} />
                </Typography>
                <Typography variant="h6" component="h3">
                  How to comply
                </Typography>
                <ul>
                  {explanation.howToComply.map(step => (
                    <li key={step}>
                      <Typography variant="body2">
                        <InlineCodeText text={step} />
                      </Typography>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Typography variant="body2">
                This principle was added by this installation&apos;s own checks;
                their descriptions are below.
              </Typography>
            )}
            <Box mt={1} display="flex" style={{ gap: 16 }}>
              {links.overview && (
                <Link to={links.overview({ failingPrinciple: [principleId] })}>
                  Services failing this principle
                </Link>
              )}
              {links.principles && (
                <Link to={links.principles()}>All principles</Link>
              )}
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title="Checks">{checksContent}</InfoCard>
        </Grid>
      </Grid>
    </MicroservicesPageLayout>
  );
}
