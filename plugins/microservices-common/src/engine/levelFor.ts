import type { EngineConfig } from './types';

/** The highest level whose `minScore` the score reaches, else `levelBelowAll`. */
export function levelFor(
  score: number,
  config: Pick<EngineConfig, 'levels' | 'levelBelowAll'>,
): string {
  let best: { name: string; minScore: number } | undefined;
  for (const level of config.levels) {
    if (score >= level.minScore && (!best || level.minScore > best.minScore)) {
      best = level;
    }
  }
  return best?.name ?? config.levelBelowAll;
}
