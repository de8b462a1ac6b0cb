import type {
  CheckDefinition,
  CheckOutcome,
} from '@microservices-backstage/plugin-microservices-common';

/** The default time one custom check may take on one service. */
export const CUSTOM_CHECK_TIMEOUT_MS = 2_000;

/**
 * Wraps adopters' checks so that one misbehaving check cannot stall or break an evaluation:
 *
 * - a check that throws is reported as `error` on that service (the engine does that);
 * - checks are synchronous: one that returns a promise (an async check) is reported as
 *   `error` at once; its promise is never awaited, so one that never settles cannot hang the
 *   run, and a late rejection is swallowed instead of crashing the process;
 * - a check whose call takes longer than `timeoutMs` on a service is reported as `error`
 *   ("timed out") there and is not called again in this run: its remaining services get
 *   `error` too, so a slow check costs at most about `timeoutMs` per run.
 *
 * Synchronous JavaScript cannot be interrupted: a check that loops forever blocks the
 * process; the scheduler's `timeout` does not stop it either. Checks must terminate.
 *
 * Call it once per run: the timed-out state is per run.
 */
export function guardCustomChecks(
  checks: readonly CheckDefinition[],
  options: { timeoutMs?: number; now?: () => number } = {},
): CheckDefinition[] {
  const timeoutMs = options.timeoutMs ?? CUSTOM_CHECK_TIMEOUT_MS;
  const clock = options.now ?? (() => performance.now());
  return checks.map(check => {
    let timedOut: string | undefined;
    return {
      ...check,
      evaluate(service, context): CheckOutcome {
        if (timedOut) {
          throw new Error(`Skipped: ${timedOut}`);
        }
        const started = clock();
        const outcome: unknown = check.evaluate(service, context);
        const took = clock() - started;
        if (isThenable(outcome)) {
          // Never awaited: a rejection later must not become an unhandled rejection.
          Promise.resolve(outcome).catch(() => undefined);
          throw new Error(
            'The check returned a promise; checks are synchronous (read what they need from the catalog graph)',
          );
        }
        if (took > timeoutMs) {
          const name = service.metadata?.name ?? 'a service';
          timedOut = `the check timed out (took ${Math.round(
            took,
          )} ms on ${name}, limit ${timeoutMs} ms) and is skipped for the rest of this run`;
          throw new Error(
            `Timed out: took ${Math.round(took)} ms, limit ${timeoutMs} ms`,
          );
        }
        return outcome as CheckOutcome;
      },
    };
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
