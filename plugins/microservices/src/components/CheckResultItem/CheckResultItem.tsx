import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  isFailingCheck,
  type CheckResult,
} from '@microservices-backstage/plugin-microservices-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { toCompoundRef, shortRef } from '../../lib/entityRefs';
import { formatDateTime } from '../../lib/formatTime';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { InlineCodeText } from '../InlineCodeText';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1.5),
  },
  label: { fontWeight: theme.typography.fontWeightBold as number },
  fix: {
    marginTop: theme.spacing(0.5),
    paddingLeft: theme.spacing(1),
    borderLeft: `3px solid ${theme.palette.status.warning}`,
  },
}));

/**
 * One check's result: status in words, what was seen, how to fix it, the exemption if any,
 * the entities it is about, and a link to the explanation of the check.
 */
export function CheckResultItem(props: {
  check: CheckResult;
  /** The check's title from `GET /checks`, when known. */
  title?: string;
  /** Refs that name no entity (lower-case): shown as text, not linked. */
  missingRefs?: ReadonlySet<string>;
}) {
  const { check, title, missingRefs } = props;
  const classes = useStyles();
  const links = useMicroservicesLinks();
  const showFix =
    check.remediation &&
    (isFailingCheck(check) ||
      check.status === 'warn' ||
      check.status === 'exempt');
  const related = (check.related ?? []).filter(r => toCompoundRef(r));
  return (
    <div className={classes.root} data-testid={`check-${check.id}`}>
      <div className={classes.header}>
        <CheckStatusLabel status={check.status} />
        <Typography variant="subtitle2" component="h4">
          {title ?? check.id}
        </Typography>
        {title && (
          <Typography variant="caption" color="textSecondary">
            <code>{check.id}</code>
          </Typography>
        )}
        {links.principle && (
          <Link
            to={links.principle(check.principle, check.id)}
            aria-label={`About the check ${check.id}`}
            variant="caption"
          >
            About this check
          </Link>
        )}
      </div>
      <Typography variant="body2" component="p">
        <span className={classes.label}>Seen: </span>
        <InlineCodeText text={check.message} />
      </Typography>
      {showFix && (
        <Typography variant="body2" component="p" className={classes.fix}>
          <span className={classes.label}>How to fix: </span>
          <InlineCodeText text={check.remediation} />
        </Typography>
      )}
      {check.exemption && (
        <Typography variant="body2" component="p">
          <span className={classes.label}>Exempt: </span>
          {check.exemption.reason}
          {check.exemption.expires
            ? ` (until ${check.exemption.expires})`
            : ' (no expiry)'}
          {` — waived by ${
            check.exemption.source === 'annotation'
              ? 'an annotation on the service'
              : 'the configuration'
          }`}
        </Typography>
      )}
      {related.length > 0 && (
        <Box component="p" m={0}>
          <Typography
            variant="body2"
            component="span"
            className={classes.label}
          >
            Involves:{' '}
          </Typography>
          {related.map((ref, i) => (
            <Typography variant="body2" component="span" key={ref}>
              {i > 0 && ', '}
              {missingRefs?.has(ref.toLocaleLowerCase('en-US')) ? (
                <span title={`${ref} is not in the catalog`}>
                  {shortRef(ref)} (not in the catalog)
                </span>
              ) : (
                <EntityRefLink entityRef={ref}>{shortRef(ref)}</EntityRefLink>
              )}
            </Typography>
          ))}
        </Box>
      )}
    </div>
  );
}

/**
 * When a result was computed, for card footers; when the latest run failed (`stale`), says
 * that this is the last result that could be computed.
 */
export function EvaluatedAt(props: { at: string; stale?: boolean }) {
  if (props.stale) {
    return (
      <Typography variant="caption" style={{ color: '#b35c00' }} role="status">
        Evaluated {formatDateTime(props.at)}; the latest evaluation failed, so
        this may be out of date.
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Evaluated {formatDateTime(props.at)}
    </Typography>
  );
}
