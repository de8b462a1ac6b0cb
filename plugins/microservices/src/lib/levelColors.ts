/** Colours of the default levels; other level names get a neutral colour. */
const LEVEL_COLORS: Record<string, string> = {
  gold: '#b8860b',
  silver: '#6b7280',
  bronze: '#a0522d',
  none: '#b91c1c',
};

export function levelColor(level: string): string {
  return LEVEL_COLORS[level.toLocaleLowerCase('en-US')] ?? '#374151';
}

/** Score colour: red below 50, amber below 75, green above. */
export function scoreColor(score: number): string {
  if (score >= 75) return '#15803d';
  if (score >= 50) return '#b45309';
  return '#b91c1c';
}
