import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { SharedDatastore } from '@microservices-backstage/plugin-microservices-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SHARED_DATASTORE_CHECK } from '../../lib/dependencyModel';
import { shortRef } from '../../lib/entityRefs';
import { BreakableText, useNoMidWordBreakTable } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';
import { RefName } from '../RefName';
import { StatusText } from '../StatusText';

function Refs(props: { refs: string[]; kind: string }) {
  return (
    <>
      {props.refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={ref} defaultKind={props.kind}>
            <BreakableText text={shortRef(ref, props.kind)} />
          </EntityRefLink>
        </span>
      ))}
    </>
  );
}

/**
 * Datastores that more than one service depends on, as the backend found them: those shared
 * across teams or systems (a violation) first, then those shared within one team.
 */
export function SharedDatastoresCard(props: {
  sharedDatastores: SharedDatastore[];
}) {
  const tableClasses = useNoMidWordBreakTable();
  const shared = [...props.sharedDatastores].sort(
    (a, b) =>
      Number(b.conflicting) - Number(a.conflicting) ||
      a.datastoreRef.localeCompare(b.datastoreRef),
  );
  const conflicting = shared.filter(d => d.conflicting).length;
  return (
    <InfoCard title="Shared datastores">
      {conflicting === 0 ? (
        <StatusText tone="ok">
          No datastore is shared across teams or systems.
        </StatusText>
      ) : (
        <WarningPanel
          severity="warning"
          title={`${conflicting} datastore${
            conflicting === 1 ? ' is' : 's are'
          } shared across teams or systems`}
          message="A datastore used by services of different teams or systems couples them: a schema change by one can break the other. Give each service its own datastore, or let one service own it and the others use its API."
        />
      )}
      {shared.length > 0 && (
        <Table
          size="small"
          className={tableClasses.table}
          aria-label="Shared datastores"
        >
          <TableHead>
            <TableRow>
              <TableCell>Datastore</TableCell>
              <TableCell>Used by</TableCell>
              <TableCell>Owners</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shared.map(d => (
              <TableRow key={d.datastoreRef}>
                <TableCell component="th" scope="row">
                  <Refs refs={[d.datastoreRef]} kind="resource" />
                </TableCell>
                <TableCell>
                  <Refs refs={d.services} kind="component" />
                </TableCell>
                <TableCell>
                  {d.owners.map((o, i) => (
                    <span key={o}>
                      {i > 0 && ', '}
                      <RefName value={o} kind="group" link={false} />
                    </span>
                  ))}
                  <div>
                    {d.conflicting ? (
                      <StatusText tone="warning">
                        across teams or systems
                      </StatusText>
                    ) : (
                      <Typography variant="caption" color="textSecondary">
                        one team and system
                      </Typography>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {conflicting > 0 && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <FilteredLink filters={{ failingCheck: [SHARED_DATASTORE_CHECK] }}>
            Show the services that share a datastore
          </FilteredLink>
        </Typography>
      )}
    </InfoCard>
  );
}
