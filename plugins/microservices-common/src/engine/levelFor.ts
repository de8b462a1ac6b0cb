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
  let level = config.levelBelowAll;
  // Runs once per service: no arrays or maps unless something is missing.
  let missing: Set<string> | undefined;
  const charge = (check: CheckResult) => {
    if (!meets(check)) (missing ??= new Set()).add(check.id);
  };
  for (const definition of ascending) {
    for (const id of definition.requiredChecks) {
      if (id === EVERY_WEIGHTED_CHECK) {
        for (const check of checks) if (check.weight > 0) charge(check);
      } else {
        const check = checks.find(candidate => candidate.id === id);
        if (check) charge(check);
      }
    }
    if (missing || score < definition.minScore) {
      const missingIds = missing;
      return {
        level,
        nextLevel: {
          level: definition.name,
          minScore: definition.minScore,
          // In check order.
          missingChecks: missingIds
            ? checks.filter(check => missingIds.has(check.id)).map(check => check.id)
            : [],
          scoreShortfall: Math.max(0, definition.minScore - score),
        },
      };
    }
    level = definition.name;
  }
  return { level };
}
