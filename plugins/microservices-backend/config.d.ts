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
    /**
     * The rubric: a service holds a level when it holds every lower one, its score reaches
     * `minScore`, and each of `requiredChecks` passes, is exempt or does not apply (`'*'`:
     * every weighted check). Default: bronze (50; owned by a team, in a system, CI/CD),
     * silver (70; + no shared datastore, not on a cycle, source repository, on-call),
     * gold (90; every weighted check). See docs/checks.md.
     */
    levels?: Array<{ name: string; minScore: number; requiredChecks?: string[] }>;
    /** Level of a service that earns no level. Default `none`. */
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
    /**
     * Live health: each service's `microservices.backstage.io/health-endpoint` is probed on
     * a schedule. The catalog is written by anyone who can register an entity, so by default
     * nothing is probed: list the hosts in `allowedHosts`. Loopback, private, link-local,
     * CGNAT, multicast and reserved addresses are refused unless listed in `allowedRanges`.
     */
    health?: {
      /** When every service is probed; default every 5 minutes, first 10 seconds after start. */
      schedule?: {
        frequency?: HumanDuration | string;
        /** Of a whole round; default 5 minutes. */
        timeout?: HumanDuration | string;
        initialDelay?: HumanDuration | string;
      };
      /** Per probe (DNS, connect, headers, body); default 5 seconds. Milliseconds or a duration. */
      timeout?: HumanDuration | string | number;
      /** Probes in flight at most; default 10. */
      concurrency?: number;
      /** A healthy answer slower than this is degraded; default 1 second. */
      degradedLatency?: HumanDuration | string | number;
      /** Host names that may be probed: exact names, `*.example.com`, or `'*'` for any. Default none. */
      allowedHosts?: string[];
      /** CIDR ranges of otherwise refused addresses that may be connected to, e.g. `10.20.0.0/16`. Default none. */
      allowedRanges?: string[];
      /** Health history retention. */
      retention?: {
        /** Default 14 days. */
        maxAgeDays?: number;
      };
    };
  };
}
