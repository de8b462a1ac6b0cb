import { ReactNode } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kindOf, shortRef } from '../../lib/entityRefs';
import { onCallContacts, ON_CALL_ANNOTATIONS } from '../../lib/onCall';
import {
  emailOf,
  memberRefsOf,
  ownerRefOf,
  parentRefOf,
} from '../../lib/ownership';
import { LoadErrorPanel } from '../LoadState';
import { StatusText } from '../StatusText';

/** Members listed on the card; the group's page has them all. */
const MAX_MEMBERS = 8;

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: { fontWeight: theme.typography.fontWeightBold as number },
  // Annotation keys and e-mail addresses are long words: let them wrap rather than overflow.
  definition: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
}));

function Row(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.definition}>
        {props.children}
      </Typography>
    </>
  );
}

function Members(props: { owner: Entity; ownerRef: string }) {
  const members = memberRefsOf(props.owner);
  if (members.length === 0) return <>No members in the catalog.</>;
  const shown = members.slice(0, MAX_MEMBERS);
  return (
    <>
      {shown.map((m, i) => (
        <span key={m}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={m} defaultKind="user">
            {shortRef(m, 'user')}
          </EntityRefLink>
        </span>
      ))}
      {members.length > shown.length && (
        <>
          {' '}
          and{' '}
          <EntityRefLink entityRef={props.ownerRef}>
            {members.length - shown.length} more
          </EntityRefLink>
        </>
      )}
    </>
  );
}

/**
 * Who owns and runs the service: the owning team, its parent team, how to contact it, its
 * members, and who is on call (from the service's on-call annotations).
 */
export function EntityServiceOwnershipCard(props: { variant?: 'gridItem' }) {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const classes = useStyles();
  const ownerRef = ownerRefOf(entity);
  const owner = useAsyncRetry(
    async () =>
      ownerRef ? (await catalogApi.getEntityByRef(ownerRef)) ?? null : null,
    [catalogApi, ownerRef],
  );
  const onCall = onCallContacts(
    entity.metadata.annotations,
    entity.metadata.title ?? entity.metadata.name,
  );

  const onCallRow = (
    <Row term="On call">
      {onCall.length > 0 ? (
        onCall.map((c, i) => (
          <span key={c.annotation} title={c.detail}>
            {i > 0 && '; '}
            {c.provider}: {c.href ? <Link to={c.href}>{c.text}</Link> : c.text}
          </span>
        ))
      ) : (
        <StatusText tone="warning">
          None declared: add an on-call annotation to metadata.annotations, e.g.{' '}
          {ON_CALL_ANNOTATIONS.slice(1, 3).join(' or ')}.
        </StatusText>
      )}
    </Row>
  );

  let rows: ReactNode;
  let extra: ReactNode;
  if (!ownerRef) {
    rows = (
      <Row term="Owner">
        <StatusText tone="error">
          No owner: set spec.owner to the owning team.
        </StatusText>
      </Row>
    );
  } else if (owner.loading) {
    extra = <Progress />;
  } else if (owner.error) {
    rows = (
      <Row term="Owner">
        <EntityRefLink entityRef={ownerRef}>
          {shortRef(ownerRef, 'group')}
        </EntityRefLink>
      </Row>
    );
    extra = (
      <LoadErrorPanel
        error={owner.error}
        what="the owner from the catalog"
        onRetry={owner.retry}
      />
    );
  } else if (!owner.value) {
    rows = (
      <Row term="Owner">
        <StatusText tone="error">
          {shortRef(ownerRef, 'group')} is not in the catalog: spec.owner names
          no entity.
        </StatusText>
      </Row>
    );
  } else if (kindOf(ownerRef) !== 'group') {
    const email = emailOf(owner.value);
    rows = (
      <>
        <Row term="Owner">
          <EntityRefLink entityRef={ownerRef}>
            {shortRef(ownerRef, 'group')}
          </EntityRefLink>{' '}
          <StatusText tone="warning">a person, not a team</StatusText>
        </Row>
        <Row term="Contact">
          {email ? (
            <Link to={`mailto:${email}`}>{email}</Link>
          ) : (
            'No e-mail in the catalog.'
          )}
        </Row>
      </>
    );
  } else {
    const group = owner.value;
    const parent = parentRefOf(group);
    const email = emailOf(group);
    rows = (
      <>
        <Row term="Owning team">
          <EntityRefLink entityRef={ownerRef} defaultKind="group">
            {shortRef(ownerRef, 'group')}
          </EntityRefLink>
        </Row>
        <Row term="Parent team">
          {parent ? (
            <EntityRefLink entityRef={parent} defaultKind="group">
              {shortRef(parent, 'group')}
            </EntityRefLink>
          ) : (
            'None (a top-level team)'
          )}
        </Row>
        <Row term="Contact">
          {email ? (
            <Link to={`mailto:${email}`}>{email}</Link>
          ) : (
            'No team e-mail in the catalog.'
          )}
        </Row>
        <Row term="Members">
          <Members owner={group} ownerRef={ownerRef} />
        </Row>
      </>
    );
  }

  return (
    <InfoCard title="Ownership" variant={props.variant}>
      <dl className={classes.list}>
        {rows}
        {onCallRow}
      </dl>
      {extra}
    </InfoCard>
  );
}
