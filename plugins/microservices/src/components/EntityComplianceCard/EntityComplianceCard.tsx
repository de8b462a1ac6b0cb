import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { microservicesApiRef } from '../../api';
import { LevelBadge } from '../LevelBadge';

/** Score, level and the failing checks of the current service. */
export function EntityComplianceCard() {
  const { entity } = useEntity();
  const api = useApi(microservicesApiRef);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const { value, loading, error } = useAsync(
    () => api.getService(namespace, entity.metadata.name),
    [api, namespace, entity.metadata.name],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error instanceof ResponseError && error.statusCode === 404) {
    content = (
      <EmptyState
        missing="data"
        title="Not evaluated yet"
        description="This service has no compliance result yet; it is scored at the next evaluation."
      />
    );
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const failing = value.checks.filter(c => c.status === 'fail' || c.status === 'error');
    content = (
      <>
        <Typography variant="h4" component="p">
          {value.score} <LevelBadge level={value.level} />
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {failing.length === 0
            ? 'Every applicable check passes.'
            : `${failing.length} failing check${failing.length === 1 ? '' : 's'}`}
        </Typography>
        <List dense>
          {failing.map(check => (
            <ListItem key={check.id} disableGutters>
              <ListItemText
                primary={`${check.id}: ${check.message}`}
                secondary={check.remediation}
              />
            </ListItem>
          ))}
        </List>
      </>
    );
  }
  return <InfoCard title="Architecture compliance">{content}</InfoCard>;
}
