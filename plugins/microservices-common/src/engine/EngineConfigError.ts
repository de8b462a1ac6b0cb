/**
 * Invalid `microservices:` configuration; the message names the full key.
 *
 * @public
 */
export class EngineConfigError extends Error {
  /** The full key, e.g. `microservices.thresholds.maxFanOut`. */
  readonly key: string;

  constructor(key: string, problem: string) {
    super(`Invalid config at ${key}: ${problem}`);
    this.name = 'EngineConfigError';
    this.key = key;
  }
}
