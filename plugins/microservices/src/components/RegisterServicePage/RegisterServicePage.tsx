import { useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { InfoCard, Progress } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ProposedServiceResult,
  ValidateProposalResponse,
} from '@microservices-backstage/plugin-microservices-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { comparePrinciples, principleTitle } from '../../lib/principles';
import { CheckResultItem } from '../CheckResultItem';
import { LevelBadge } from '../LevelBadge';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';
import {
  analyzeUrl,
  ServerError,
  serverErrorOf,
  validateProposal,
} from './proposalClient';

type Mode = 'yaml' | 'url';

const PLACEHOLDER = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: my-service
spec:
  type: service
  lifecycle: production
  owner: group:default/my-team
  system: system:default/my-system`;

function ErrorAlert(props: { title: string; error: ServerError }) {
  const { title, error } = props;
  const status = error.status ? ` (${error.status})` : '';
  return (
    <Alert severity="error" data-testid="register-error">
      <AlertTitle>
        {title}
        {status}
      </AlertTitle>
      {error.errorName ? `${error.errorName}: ` : ''}
      {error.message}
    </Alert>
  );
}

/** One proposed service: score, level, next level, and every check grouped by principle. */
function ServiceResult(props: { service: ProposedServiceResult }) {
  const { service } = props;
  const groups = new Map<string, ProposedServiceResult['checks']>();
  for (const check of service.checks) {
    groups.set(check.principle, [
      ...(groups.get(check.principle) ?? []),
      check,
    ]);
  }
  const principles = [...groups.keys()].sort(comparePrinciples);
  const failing = service.checks.filter(
    c => c.status === 'fail' || c.status === 'error' || c.status === 'warn',
  ).length;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <span>{service.entityRef}</span>
          <LevelBadge level={service.level} score={service.score} />
        </Box>
      }
      subheader={
        failing === 0
          ? 'Passes every check: ready to register.'
          : `${failing} check${
              failing === 1 ? '' : 's'
            } to fix before it passes everything${
              service.nextLevel
                ? `; next level ${service.nextLevel.level}${
                    service.nextLevel.missingChecks.length
                      ? `: ${service.nextLevel.missingChecks.join(', ')}`
                      : ''
                  }`
                : ''
            }.`
      }
    >
      <div data-testid={`proposed-${service.entityRef}`}>
        {service.warnings.map(w => (
          <Alert key={w} severity="warning">
            {w}
          </Alert>
        ))}
        {principles.map(principle => (
          <Box key={principle} mb={2}>
            <Typography variant="h6" component="h3">
              {principleTitle(principle)}
            </Typography>
            {groups.get(principle)!.map(check => (
              <CheckResultItem key={check.id} check={check as any} />
            ))}
          </Box>
        ))}
      </div>
    </InfoCard>
  );
}

/**
 * Register a service: paste a catalog-info.yaml or give its URL, see how every service in
 * it would score against the live catalog (problems, and every check grouped by principle
 * with what to fix), then register the URL with the catalog and follow the link to it.
 */
export function RegisterServicePage() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const catalogApi = useApi(catalogApiRef);

  const [mode, setMode] = useState<Mode>('yaml');
  const [yaml, setYaml] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ValidateProposalResponse>();
  const [validateError, setValidateError] = useState<ServerError>();
  const [registerError, setRegisterError] = useState<ServerError>();
  const [registered, setRegistered] = useState<Entity[]>();
  const [validatedUrl, setValidatedUrl] = useState<string>();

  const reset = () => {
    setResult(undefined);
    setValidateError(undefined);
    setRegisterError(undefined);
    setRegistered(undefined);
    setValidatedUrl(undefined);
  };

  const validate = async () => {
    reset();
    setBusy(true);
    try {
      if (mode === 'yaml') {
        setResult(await validateProposal({ discoveryApi, fetchApi }, { yaml }));
      } else {
        const target = url.trim();
        let entities: Entity[];
        try {
          ({ entities } = await analyzeUrl(catalogApi, target));
        } catch (error) {
          throw serverErrorOf(error);
        }
        setResult(
          await validateProposal({ discoveryApi, fetchApi }, { entities }),
        );
        setValidatedUrl(target);
      }
    } catch (error) {
      setValidateError(serverErrorOf(error));
    } finally {
      setBusy(false);
    }
  };

  const register = async () => {
    if (!validatedUrl) return;
    setRegisterError(undefined);
    setBusy(true);
    try {
      const { entities } = await catalogApi.addLocation({
        type: 'url',
        target: validatedUrl,
      });
      setRegistered(entities);
    } catch (error) {
      setRegisterError(serverErrorOf(error));
    } finally {
      setBusy(false);
    }
  };

  const canValidate =
    mode === 'yaml' ? yaml.trim() !== '' : /^https?:\/\/\S+$/.test(url.trim());

  return (
    <MicroservicesPageLayout
      section="register"
      subtitle="Score a catalog-info.yaml against the principles and the live catalog before registering it"
    >
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="A service's catalog-info.yaml">
            <Tabs
              value={mode}
              onChange={(_e, value: Mode) => {
                setMode(value);
                reset();
              }}
              indicatorColor="primary"
            >
              <Tab value="yaml" label="Paste YAML" />
              <Tab value="url" label="From a URL" />
            </Tabs>
            <Box mt={2}>
              {mode === 'yaml' ? (
                <TextField
                  id="register-yaml"
                  label="catalog-info.yaml"
                  placeholder={PLACEHOLDER}
                  multiline
                  minRows={12}
                  maxRows={20}
                  fullWidth
                  variant="outlined"
                  value={yaml}
                  onChange={e => setYaml(e.target.value)}
                  inputProps={{
                    spellCheck: false,
                    style: { fontFamily: 'monospace' },
                  }}
                  helperText="One or several documents (---): the service, its datastore Resource, its API..."
                />
              ) : (
                <TextField
                  id="register-url"
                  label="URL of a catalog-info.yaml"
                  placeholder="https://github.com/my-org/my-service/blob/main/catalog-info.yaml"
                  fullWidth
                  variant="outlined"
                  value={url}
                  onChange={e => setUrl(e.target.value)}
                  helperText="Read by the catalog, as when it is registered; then it can be registered from here."
                />
              )}
            </Box>
            <Box mt={2} display="flex" style={{ gap: 12 }}>
              <Button
                variant="contained"
                color="primary"
                disabled={!canValidate || busy}
                onClick={validate}
              >
                Validate
              </Button>
              {mode === 'url' && result && validatedUrl && !registered && (
                <Button
                  variant="outlined"
                  color="primary"
                  disabled={busy}
                  onClick={register}
                >
                  Register
                </Button>
              )}
            </Box>
            {mode === 'yaml' && result && (
              <Box mt={2}>
                <Typography variant="body2" color="textSecondary">
                  To register it, commit it to its repository and give its URL
                  under "From a URL".
                </Typography>
              </Box>
            )}
          </InfoCard>
        </Grid>
        {busy && (
          <Grid item xs={12}>
            <Progress />
          </Grid>
        )}
        {validateError && (
          <Grid item xs={12}>
            <ErrorAlert title="Cannot validate it" error={validateError} />
          </Grid>
        )}
        {registerError && (
          <Grid item xs={12}>
            <ErrorAlert
              title="The catalog refused to register it"
              error={registerError}
            />
          </Grid>
        )}
        {registered && (
          <Grid item xs={12}>
            <Alert severity="success" data-testid="registered">
              <AlertTitle>Registered</AlertTitle>
              {registered.map(entity => (
                <div
                  key={`${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`}
                >
                  <EntityRefLink entityRef={entity} />
                </div>
              ))}
            </Alert>
          </Grid>
        )}
        {result && (
          <>
            {result.problems.length > 0 && (
              <Grid item xs={12}>
                <Alert severity="warning">
                  <AlertTitle>Notes</AlertTitle>
                  {result.problems.map((p, i) => (
                    <div key={i}>
                      {[
                        p.document && `document ${p.document}`,
                        p.line && `line ${p.line}`,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      {p.document || p.line ? ': ' : ''}
                      {p.message}
                    </div>
                  ))}
                </Alert>
              </Grid>
            )}
            {result.services.length === 0 && (
              <Grid item xs={12}>
                <Alert severity="info">
                  No service in it (a Component with spec.type service): nothing
                  to score.
                </Alert>
              </Grid>
            )}
            {result.services.map(service => (
              <Grid item xs={12} key={service.entityRef}>
                <ServiceResult service={service} />
              </Grid>
            ))}
          </>
        )}
      </Grid>
    </MicroservicesPageLayout>
  );
}
