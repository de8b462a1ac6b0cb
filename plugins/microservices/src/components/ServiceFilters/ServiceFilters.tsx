import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { HEALTH_STATUSES } from '@microservices-backstage/plugin-microservices-common';
import { shortRef } from '../../lib/entityRefs';
import { healthLabel } from '../HealthStatusLabel';
import { principleTitle } from '../../lib/principles';
import {
  ServiceFilterKey,
  ServiceListUrlState,
  isFiltered,
} from '../../lib/serviceListUrlState';

/** The values each filter offers. */
export type ServiceFilterOptions = Record<
  Exclude<ServiceFilterKey, 'failingCheck' | 'health'>,
  string[]
>;

const FILTERS: {
  key: Exclude<ServiceFilterKey, 'failingCheck'>;
  label: string;
  format: (value: string) => string;
  /** The values when they do not come from the landscape. */
  fixedOptions?: readonly string[];
}[] = [
  { key: 'owner', label: 'Owner', format: v => shortRef(v, 'group') },
  { key: 'system', label: 'System', format: v => shortRef(v, 'system') },
  { key: 'domain', label: 'Domain', format: v => shortRef(v, 'domain') },
  { key: 'lifecycle', label: 'Lifecycle', format: v => v },
  { key: 'level', label: 'Level', format: v => v },
  {
    key: 'failingPrinciple',
    label: 'Failing principle',
    format: v => principleTitle(v),
  },
  { key: 'health', label: 'Health', format: healthLabel, fixedOptions: HEALTH_STATUSES },
];

export interface ServiceFiltersProps {
  state: ServiceListUrlState;
  options: ServiceFilterOptions;
  onFilterChange: (key: ServiceFilterKey, values: string[]) => void;
  onSearchChange: (search: string) => void;
  onMineChange: (mine: boolean) => void;
  onClear: () => void;
}

/** Search, "only mine" and one multi-select per filter; every control has a visible label. */
export function ServiceFilters(props: ServiceFiltersProps) {
  const {
    state,
    options,
    onFilterChange,
    onSearchChange,
    onMineChange,
    onClear,
  } = props;
  const [search, setSearch] = useState(state.search);

  // Follow the URL when it changes from elsewhere (back button, a link).
  useEffect(() => setSearch(state.search), [state.search]);

  // Send the search to the URL once typing pauses.
  useEffect(() => {
    if (search.trim() === state.search) return undefined;
    const timer = setTimeout(() => onSearchChange(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search, state.search, onSearchChange]);

  return (
    <Box mb={2} component="section" aria-label="Filters">
      <Grid container spacing={2} alignItems="center">
        <Grid item xs={12} md={4}>
          <TextField
            label="Search services"
            placeholder="Name, title or entity ref"
            value={search}
            onChange={e => setSearch(e.target.value)}
            variant="outlined"
            size="small"
            fullWidth
            inputProps={{ 'aria-label': 'Search services' }}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <FormControlLabel
            control={
              <Switch
                checked={state.mine}
                onChange={e => onMineChange(e.target.checked)}
                color="primary"
              />
            }
            label="Only mine (owned by me or my teams)"
          />
        </Grid>
        <Grid item xs={12} md={4} style={{ textAlign: 'right' }}>
          <Button
            onClick={onClear}
            disabled={!isFiltered(state)}
            variant="outlined"
            size="small"
          >
            Clear filters
          </Button>
        </Grid>
        {FILTERS.map(filter => (
          <Grid item xs={12} sm={6} md={4} lg={2} key={filter.key}>
            <Autocomplete
              multiple
              size="small"
              id={`microservices-filter-${filter.key}`}
              options={[
                ...(filter.fixedOptions ??
                  options[filter.key as keyof ServiceFilterOptions]),
              ]}
              value={state.filters[filter.key]}
              getOptionLabel={filter.format}
              filterSelectedOptions
              onChange={(_event, values) =>
                onFilterChange(filter.key, values as string[])
              }
              renderInput={params => (
                <TextField
                  {...params}
                  label={filter.label}
                  variant="outlined"
                />
              )}
            />
          </Grid>
        ))}
        {state.filters.failingCheck.length > 0 && (
          <Grid item xs={12}>
            {state.filters.failingCheck.map(check => (
              <Chip
                key={check}
                label={`Failing check: ${check}`}
                onDelete={() =>
                  onFilterChange(
                    'failingCheck',
                    state.filters.failingCheck.filter(c => c !== check),
                  )
                }
                style={{ marginRight: 8 }}
              />
            ))}
          </Grid>
        )}
      </Grid>
    </Box>
  );
}
