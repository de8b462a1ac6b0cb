/**
 * How often one caller may start a manual evaluation: at most `maxRuns` per `windowMs`
 * (a sliding window per caller). Joining a run already in progress is not counted.
 */
export class ManualEvaluationLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly options: { maxRuns: number; windowMs: number } = {
      maxRuns: 5,
      windowMs: 60_000,
    },
  ) {}

  /** Records a start and returns 0, or returns the seconds to wait before the next one. */
  tryStart(caller: string, now: number): number {
    const { maxRuns, windowMs } = this.options;
    const recent = (this.starts.get(caller) ?? []).filter(t => t > now - windowMs);
    if (recent.length >= maxRuns) {
      this.starts.set(caller, recent);
      return Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
    }
    recent.push(now);
    this.starts.set(caller, recent);
    // Forget callers with nothing recent, so the map does not grow with every caller ever seen.
    if (this.starts.size > 10_000) {
      for (const [key, times] of this.starts) {
        if (times.every(t => t <= now - windowMs)) this.starts.delete(key);
      }
    }
    return 0;
  }
}
