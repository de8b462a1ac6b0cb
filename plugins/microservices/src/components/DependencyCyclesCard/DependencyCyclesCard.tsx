import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { DEPENDENCY_CYCLE_CHECK } from '../../lib/dependencyModel';
import { shortRef } from '../../lib/entityRefs';
import { BreakableText } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';
import { StatusText } from '../StatusText';

/** Every dependency cycle once, with its members. */
export function DependencyCyclesCard(props: { cycles: string[][] }) {
  const { cycles } = props;
  return (
    <InfoCard title="Dependency cycles">
      {cycles.length === 0 ? (
        <StatusText tone="ok">No dependency cycle.</StatusText>
      ) : (
        <>
          <WarningPanel
            severity="warning"
            title={`${cycles.length} dependency cycle${
              cycles.length === 1 ? '' : 's'
            }`}
            message="Services on a cycle depend on each other, directly or through APIs: they fail together and cannot be deployed or restarted in a safe order."
          />
          <ol aria-label="Dependency cycles">
            {cycles.map(cycle => (
              <li key={cycle.join(' ')}>
                <Typography variant="body2" component="span">
                  {cycle.length} members:{' '}
                  {cycle.map((member, i) => (
                    <span key={member}>
                      {i > 0 && ', '}
                      <EntityRefLink entityRef={member} defaultKind="component">
                        <BreakableText text={shortRef(member, 'component')} />
                      </EntityRefLink>
                    </span>
                  ))}
                </Typography>
              </li>
            ))}
          </ol>
          <Typography variant="body2">
            <FilteredLink filters={{ failingCheck: [DEPENDENCY_CYCLE_CHECK] }}>
              Show the services on a cycle
            </FilteredLink>
          </Typography>
        </>
      )}
    </InfoCard>
  );
}
