import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { describeNextLevel } from '../../lib/scorecard';
import { InlineCodeText } from '../InlineCodeText';

/**
 * What the service needs for the next level ("2 checks to silver: …"), or that it holds the
 * highest one.
 */
export function LevelProgress(props: {
  detail: Pick<ServiceDetail, 'level' | 'nextLevel'>;
  titleOf?: (checkId: string) => string;
}) {
  const { detail, titleOf } = props;
  const text = describeNextLevel(detail.nextLevel, titleOf);
  return (
    <Typography variant="body2" data-testid="next-level">
      {text ? (
        <>
          <strong>Next level: </strong>
          {text}.
        </>
      ) : (
        `${detail.level} is the highest level.`
      )}
    </Typography>
  );
}

/** Problems in the service's catalog-info.yaml that Backstage ignores silently. */
export function CatalogWarnings(props: { warnings?: string[] }) {
  const warnings = props.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`catalog-info.yaml: ${warnings.length} ${
        warnings.length === 1 ? 'problem' : 'problems'
      } Backstage ignores silently`}
      defaultExpanded
    >
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {warnings.map(w => (
          <li key={w}>
            <Typography variant="body2" component="span">
              <InlineCodeText text={w} />
            </Typography>
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
