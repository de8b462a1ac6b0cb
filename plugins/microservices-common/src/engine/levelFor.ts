import type {
  CheckResult,
  EngineConfig,
  LevelDefinition,
  LevelProgress,
} from './types';

/**
 * Stands for every enabled check with a weight above 0 in `requiredChecks`.
 *
 * @public
 */
export const EVERY_WEIGHTED_CHECK = '*';

/** Sorted once per configured list, not once per service. */
const sortedLevels = new WeakMap<readonly LevelDefinition[], LevelDefinition[]>();
function ascendingLevels(levels: readonly LevelDefinition[]): LevelDefinition[] {
  let sorted = sortedLevels.get(levels);
  if (!sorted) {
    sorted = [...levels].sort((a, b) => a.minScore - b.minScore);
    sortedLevels.set(levels, sorted);
  }
  return sorted;
}

/** @public */
export interface LevelResult {
  level: string;
  nextLevel?: LevelProgress;
}

/** A required check is met when it passes, is waived, or does not apply to the service. */
function meets(check: CheckResult): boolean {
  return (
    check.status === 'pass' ||
    check.status === 'exempt' ||
    check.status === 'not-applicable'
  );
}

/**
 * The rubric: levels are climbed lowest first; a service holds a level when it holds every
 * lower one, its score reaches the level's `minScore`, and every required check of the level
 * is met. Required checks that are disabled (absent from `checks`) are not required.
 * `nextLevel` is the first level it does not hold, with what it lacks for it (the missing
 * checks of that level and of the levels below it).
 *
 * @public
 */
export function levelFor(
  score: number,
  checks: readonly CheckResult[],
  config: Pick<EngineConfig, 'levels' | 'levelBelowAll'>,
): LevelResult {
  const ascending = ascendingLevels(config.levels);
  const byId = (id: string) => checks.find(check => check.id === id);
  let level = config.levelBelowAll;
  const missing: string[] = [];
  const missingSet = new Set<string>();
  for (const definition of ascending) {
    for (const id of definition.requiredChecks) {
      const required =
        id === EVERY_WEIGHTED_CHECK
          ? checks.filter(check => check.weight > 0)
          : [byId(id)].filter((c): c is CheckResult => c !== undefined);
      for (const check of required) {
        if (!meets(check) && !missingSet.has(check.id)) {
          missingSet.add(check.id);
          missing.push(check.id);
        }
      }
    }
    if (missing.length > 0 || score < definition.minScore) {
      const order = new Map(checks.map((check, index) => [check.id, index]));
      return {
        level,
        nextLevel: {
          level: definition.name,
          minScore: definition.minScore,
          missingChecks: missing.sort(
            (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
          ),
          scoreShortfall: Math.max(0, definition.minScore - score),
        },
      };
    }
    level = definition.name;
  }
  return { level };
}
