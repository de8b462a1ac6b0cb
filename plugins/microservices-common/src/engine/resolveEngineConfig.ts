import { builtInChecks } from './checks/builtInChecks';
import { defaultEngineConfig } from './defaultEngineConfig';
import { EngineConfigError } from './EngineConfigError';
import { isIsoDate } from './dates';
import { describeValue, isObject } from './graph/entityFields';
import { normalizeEntityRef } from './graph/entityRefs';
import type { EngineConfig, Exemption, LevelDefinition } from './types';

const ROOT = 'microservices';
/** Keys under `microservices:` that the backend reads itself. */
const BACKEND_KEYS = ['schedule', 'history', 'catalog', 'health'];
const ENGINE_KEYS = [
  'checks',
  'thresholds',
  'levels',
  'levelBelowAll',
  'annotations',
  'datastoreTypes',
  'exemptions',
];

/** A value as the error message shows it: strings quoted, others as JSON, shortened. */
function shown(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text =
    typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function invalid(key: string, expected: string, value: unknown): never {
  throw new EngineConfigError(key, `expected ${expected}, got ${shown(value)}`);
}

function objectAt(key: string, value: unknown): Record<string, unknown> {
  return isObject(value) ? value : invalid(key, 'an object', value);
}

function rejectUnknownKeys(
  key: string,
  value: Record<string, unknown>,
  known: readonly string[],
) {
  const unknown = Object.keys(value).find(name => !known.includes(name));
  if (unknown !== undefined) {
    throw new EngineConfigError(
      `${key}.${unknown}`,
      `unknown key; expected one of ${known.join(', ')}`,
    );
  }
}

function stringAt(key: string, value: unknown): string {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : invalid(key, 'a non-empty string', value);
}

function stringListAt(key: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    return invalid(key, 'a list of strings', value);
  }
  return value.map((item, index) => stringAt(`${key}[${index}]`, item));
}

function nonNegativeIntegerAt(key: string, value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : invalid(key, 'a non-negative integer', value);
}

function readChecks(
  key: string,
  value: unknown,
  knownIds: Set<string>,
): EngineConfig['checks'] {
  const checks: EngineConfig['checks'] = {};
  for (const [id, raw] of Object.entries(objectAt(key, value))) {
    const checkKey = `${key}.${id}`;
    if (!knownIds.has(id)) {
      throw new EngineConfigError(checkKey, `unknown check id "${id}"`);
    }
    const entry = objectAt(checkKey, raw);
    rejectUnknownKeys(checkKey, entry, ['enabled', 'weight']);
    checks[id] = {};
    if (entry.enabled !== undefined) {
      checks[id].enabled =
        typeof entry.enabled === 'boolean'
          ? entry.enabled
          : invalid(`${checkKey}.enabled`, 'true or false', entry.enabled);
    }
    if (entry.weight !== undefined) {
      const weight = entry.weight;
      checks[id].weight =
        typeof weight === 'number' && Number.isFinite(weight) && weight >= 0
          ? weight
          : invalid(`${checkKey}.weight`, 'a non-negative number', weight);
    }
  }
  return checks;
}

function readThresholds(
  key: string,
  value: unknown,
): EngineConfig['thresholds'] {
  const raw = objectAt(key, value);
  const thresholds = { ...defaultEngineConfig.thresholds };
  rejectUnknownKeys(key, raw, Object.keys(thresholds));
  for (const name of Object.keys(thresholds) as (keyof typeof thresholds)[]) {
    if (raw[name] !== undefined) {
      thresholds[name] = nonNegativeIntegerAt(`${key}.${name}`, raw[name]);
    }
  }
  return thresholds;
}

function readLevels(
  key: string,
  value: unknown,
  knownIds: Set<string>,
): LevelDefinition[] {
  if (!Array.isArray(value)) {
    return invalid(key, 'a list of {name, minScore, requiredChecks}', value);
  }
  const levels = value.map((raw, index): LevelDefinition => {
    const levelKey = `${key}[${index}]`;
    const level = objectAt(levelKey, raw);
    rejectUnknownKeys(levelKey, level, ['name', 'minScore', 'requiredChecks']);
    const minScore = level.minScore;
    const required = level.requiredChecks ?? [];
    return {
      name: stringAt(`${levelKey}.name`, level.name),
      minScore:
        typeof minScore === 'number' && minScore >= 0 && minScore <= 100
          ? minScore
          : invalid(`${levelKey}.minScore`, 'a number from 0 to 100', minScore),
      requiredChecks: Array.isArray(required)
        ? required.map((id, i) => {
            const idKey = `${levelKey}.requiredChecks[${i}]`;
            const checkId = stringAt(idKey, id);
            // A typo here would make the level unreachable or silently easier: refuse it.
            if (checkId !== '*' && !knownIds.has(checkId)) {
              throw new EngineConfigError(idKey, `unknown check id "${checkId}"`);
            }
            return checkId;
          })
        : invalid(
            `${levelKey}.requiredChecks`,
            "a list of check ids ('*' for every weighted check)",
            required,
          ),
    };
  });
  const names = levels.map(level => level.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new EngineConfigError(
      key,
      `the level name "${duplicate}" is used twice`,
    );
  }
  return levels.sort((a, b) => a.minScore - b.minScore);
}

function readAnnotations(
  key: string,
  value: unknown,
): EngineConfig['annotations'] {
  const raw = objectAt(key, value);
  const annotations = { ...defaultEngineConfig.annotations };
  rejectUnknownKeys(key, raw, Object.keys(annotations));
  for (const list of Object.keys(annotations) as (keyof typeof annotations)[]) {
    annotations[list] =
      raw[list] === undefined
        ? [...annotations[list]]
        : stringListAt(`${key}.${list}`, raw[list]);
  }
  return annotations;
}

function readExemptions(
  key: string,
  value: unknown,
  knownIds: Set<string>,
): Exemption[] {
  if (!Array.isArray(value)) {
    return invalid(
      key,
      'a list of {entityRef, check, reason, expires?}',
      value,
    );
  }
  return value.map((raw, index) => {
    const entryKey = `${key}[${index}]`;
    const entry = objectAt(entryKey, raw);
    rejectUnknownKeys(entryKey, entry, [
      'entityRef',
      'check',
      'reason',
      'expires',
    ]);
    const entityRef = stringAt(`${entryKey}.entityRef`, entry.entityRef);
    if (!normalizeEntityRef(entityRef)) {
      invalid(
        `${entryKey}.entityRef`,
        'an entity ref like component:default/my-service',
        entityRef,
      );
    }
    const check = stringAt(`${entryKey}.check`, entry.check);
    if (!knownIds.has(check)) {
      throw new EngineConfigError(
        `${entryKey}.check`,
        `unknown check id "${check}"`,
      );
    }
    const exemption: Exemption = {
      entityRef,
      check,
      reason: stringAt(`${entryKey}.reason`, entry.reason),
    };
    if (entry.expires !== undefined) {
      exemption.expires =
        typeof entry.expires === 'string' && isIsoDate(entry.expires)
          ? entry.expires
          : invalid(
              `${entryKey}.expires`,
              'a date written YYYY-MM-DD',
              entry.expires,
            );
    }
    return exemption;
  });
}

/**
 * The engine configuration from the plain object under `microservices:` in
 * app-config (undefined when absent), merged over the defaults and
 * validated strictly. `extraCheckIds` are the ids of custom checks, which
 * may be configured and exempted like built-in ones.
 *
 * @throws EngineConfigError naming the full key of the first invalid value.
 *
 * @public
 */
export function resolveEngineConfig(
  raw: unknown,
  extraCheckIds: readonly string[] = [],
): EngineConfig {
  const root = raw === undefined || raw === null ? {} : objectAt(ROOT, raw);
  rejectUnknownKeys(ROOT, root, [...ENGINE_KEYS, ...BACKEND_KEYS]);
  const knownIds = new Set([
    ...builtInChecks.map(check => check.id),
    ...extraCheckIds,
  ]);
  const defaults = defaultEngineConfig;
  const given = (name: string) => root[name] !== undefined;
  return {
    checks: given('checks')
      ? readChecks(`${ROOT}.checks`, root.checks, knownIds)
      : {},
    thresholds: given('thresholds')
      ? readThresholds(`${ROOT}.thresholds`, root.thresholds)
      : { ...defaults.thresholds },
    levels: given('levels')
      ? readLevels(`${ROOT}.levels`, root.levels, knownIds)
      : defaults.levels.map(level => ({
          ...level,
          requiredChecks: [...level.requiredChecks],
        })),
    levelBelowAll: given('levelBelowAll')
      ? stringAt(`${ROOT}.levelBelowAll`, root.levelBelowAll)
      : defaults.levelBelowAll,
    annotations: readAnnotations(`${ROOT}.annotations`, root.annotations ?? {}),
    datastoreTypes: given('datastoreTypes')
      ? stringListAt(`${ROOT}.datastoreTypes`, root.datastoreTypes)
      : [...defaults.datastoreTypes],
    exemptions: given('exemptions')
      ? readExemptions(`${ROOT}.exemptions`, root.exemptions, knownIds)
      : [],
  };
}
