import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the microservices plugin. */
  microservices?: {
    /** Enable, disable or re-weight checks, by check id (see docs/checks.md). */
    checks?: {
      [checkId: string]: {
        enabled?: boolean;
        weight?: number;
      };
    };
    thresholds?: {
      /** Most APIs a service may provide. Default 5. */
      maxProvidedApis?: number;
      /** Most distinct dependencies a service may have. Default 8. */
      maxFanOut?: number;
      /** Most transitive dependents a service may have. Default 10. */
      maxBlastRadius?: number;
    };
    /** Levels by minimum score; default gold 90, silver 75, bronze 50. */
    levels?: Array<{ name: string; minScore: number }>;
    /** Level of a score below every level. Default `none`. */
    levelBelowAll?: string;
    /** Which annotations count as evidence; a list given replaces the default one. */
    annotations?: {
      ci?: string[];
      monitoring?: string[];
      logging?: string[];
      tracing?: string[];
      iac?: string[];
      onCall?: string[];
    };
    /** `Resource` `spec.type` values that count as datastores. */
    datastoreTypes?: string[];
    /** Waivers: the check still runs and is shown as exempt until `expires` (YYYY-MM-DD). */
    exemptions?: Array<{
      entityRef: string;
      check: string;
      reason: string;
      expires?: string;
    }>;
    /** When the whole catalog is evaluated. */
    schedule?: {
      /** Default every 30 minutes. */
      frequency?: HumanDuration | string;
      /** Default 10 minutes. */
      timeout?: HumanDuration | string;
      /** Default 5 seconds after start-up. */
      initialDelay?: HumanDuration | string;
    };
    /** Score history retention. */
    history?: {
      /** Default 180 days. */
      maxAgeDays?: number;
      /** Default 1000 points per service. */
      maxEntriesPerService?: number;
    };
  };
}
