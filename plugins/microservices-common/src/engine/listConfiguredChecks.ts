import { builtInChecks } from './checks/builtInChecks';
import type { CheckDefinition, ConfiguredCheck, EngineConfig } from './types';

export interface ResolvedCheck {
  definition: CheckDefinition;
  weight: number;
  enabled: boolean;
}

/** Built-in then extra checks with their configured weight and state; ids must be unique. */
export function resolveChecks(
  config: EngineConfig,
  extraChecks: readonly CheckDefinition[] = [],
): ResolvedCheck[] {
  const seen = new Set<string>();
  return [...builtInChecks, ...extraChecks].map(definition => {
    if (seen.has(definition.id)) {
      throw new Error(
        `Two checks have the id "${definition.id}"; check ids must be unique`,
      );
    }
    seen.add(definition.id);
    const settings = config.checks[definition.id] ?? {};
    return {
      definition,
      weight: settings.weight ?? definition.defaultWeight,
      enabled: settings.enabled ?? true,
    };
  });
}

/**
 * Every check, enabled or not, as `GET /checks` returns them.
 *
 * @public
 */
export function listConfiguredChecks(
  config: EngineConfig,
  extraChecks?: readonly CheckDefinition[],
): ConfiguredCheck[] {
  return resolveChecks(config, extraChecks).map(
    ({ definition, weight, enabled }) => ({
      id: definition.id,
      principle: definition.principle,
      title: definition.title,
      description: definition.description,
      weight,
      enabled,
    }),
  );
}
