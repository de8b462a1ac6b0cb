import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  ConfiguredCheck,
  EngineConfig,
  EvaluationRunPhases,
  EvaluationRunResult,
  ServiceDetail,
  listConfiguredChecks,
  prepareCatalogEvaluation,
} from '@microservices-backstage/plugin-microservices-common';
import type {
  HistoryRetention,
  MicroservicesStore,
} from '../database/MicroservicesStore';
import type { CatalogReader } from './CatalogReader';
import { guardCustomChecks } from './guardCustomChecks';
import { toServiceDetail } from './toServiceDetail';

/** Services evaluated between two turns of the event loop. */
const EVALUATION_CHUNK = 50;

const yieldToEventLoop = () =>
  new Promise<void>(resolve => setImmediate(resolve));

/** Reads the catalog, runs the engine over it and stores the results. */
export class LandscapeEvaluator {
  constructor(
    private readonly options: {
      catalog: CatalogReader;
      store: MicroservicesStore;
      logger: LoggerService;
      engineConfig: EngineConfig;
      history: HistoryRetention;
      customChecks: CheckDefinition[];
      /** How long one custom check may take on one service; default 2 s. */
      customCheckTimeoutMs?: number;
      /** The clock; tests pass a fixed one. */
      now?: () => Date;
    },
  ) {}

  /** The configured level names, highest first, then the level below all. */
  levelOrder(): string[] {
    const { levels, levelBelowAll } = this.options.engineConfig;
    return [
      ...[...levels].sort((a, b) => b.minScore - a.minScore).map(l => l.name),
      levelBelowAll,
    ];
  }

  listChecks(): ConfiguredCheck[] {
    return listConfiguredChecks(
      this.options.engineConfig,
      this.options.customChecks,
    );
  }

  /**
   * One run. When reading the catalog, evaluating or writing fails, the run is recorded as
   * failed (the results of the last good run stay, served as stale) and the error is thrown.
   */
  async run(): Promise<EvaluationRunResult> {
    const { store, logger } = this.options;
    const now = this.options.now ?? (() => new Date());
    const started = now();
    try {
      return await this.runFrom(started);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        `Evaluation run failed; earlier results stay served as stale: ${message}`,
      );
      await store
        .recordFailedRun({
          startedAt: started.toISOString(),
          finishedAt: now().toISOString(),
          error: message,
        })
        .catch(e =>
          logger.warn(
            `Could not record the failed run (database unavailable?): ${e}`,
          ),
        );
      throw error;
    }
  }

  /**
   * The engine over the catalog's entities. The engine is synchronous: services are scored a
   * chunk at a time, with the event loop free in between, so that the API keeps answering
   * while a large catalog is evaluated.
   */
  private async evaluateLandscape(entities: Entity[]) {
    const { engineConfig, customChecks } = this.options;
    const now = this.options.now ?? (() => new Date());
    const evaluatedAt = now();
    const { graph, evaluate } = prepareCatalogEvaluation(
      entities,
      engineConfig,
      {
        now: evaluatedAt,
        // Adopters' checks are bounded in time, per run.
        extraChecks: guardCustomChecks(customChecks, {
          timeoutMs: this.options.customCheckTimeoutMs,
        }),
      },
    );
    await yieldToEventLoop();
    const at = evaluatedAt.toISOString();
    const services: Array<Omit<ServiceDetail, 'health'>> = [];
    for (let i = 0; i < graph.services.length; i += EVALUATION_CHUNK) {
      for (const entity of graph.services.slice(i, i + EVALUATION_CHUNK)) {
        services.push(toServiceDetail(evaluate(entity), graph, at));
      }
      await yieldToEventLoop();
    }
    return {
      services,
      cycles: graph.cycles,
      sharedDatastores: graph.sharedDatastores,
    };
  }

  private async runFrom(started: Date): Promise<EvaluationRunResult> {
    const { catalog, store, logger } = this.options;
    const now = this.options.now ?? (() => new Date());
    // Phase durations on the monotonic clock (the injectable `now` is for timestamps).
    const readStarted = performance.now();
    // CPU time per phase too (the process's, every thread): wall time on a busy machine is
    // mostly the wait for a core.
    const readCpu = process.cpuUsage();
    const entities = await catalog.readLandscape().catch(error => {
      // The catalog down or answering errors: nothing is written, the run is failed.
      throw new ServiceUnavailableError(
        `The catalog could not be read: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    });
    const evaluationStarted = performance.now();
    const evaluationCpu = process.cpuUsage();
    const entityCount = entities.length;
    // The entities and the graph are not reachable from here on once evaluated: the
    // collections during storing no longer trace them (about 200 MB at 10,000 services).
    const evaluation = await this.evaluateLandscape(entities.splice(0));
    const services = evaluation.services;
    const finished = now();
    const storingStarted = performance.now();
    const storingCpu = process.cpuUsage();
    // One transaction: the results, the history points and retention, or nothing.
    const { deleted } = await store.saveRunWithRetention(
      {
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        services,
        cycles: evaluation.cycles,
        sharedDatastores: evaluation.sharedDatastores.filter(
          d => d.conflicting,
        ),
      },
      this.options.history,
    );
    const phases: EvaluationRunPhases = {
      catalogReadMs: Math.round(evaluationStarted - readStarted),
      evaluationMs: Math.round(storingStarted - evaluationStarted),
      storingMs: Math.round(performance.now() - storingStarted),
    };
    const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
      Math.round((to.user - from.user + to.system - from.system) / 1000);
    const doneCpu = process.cpuUsage();
    const phasesCpu = {
      catalogReadCpuMs: cpuMs(readCpu, evaluationCpu),
      evaluationCpuMs: cpuMs(evaluationCpu, storingCpu),
      storingCpuMs: cpuMs(storingCpu, doneCpu),
    };
    const durationMs = finished.getTime() - started.getTime();
    const retention = deleted
      ? `; removed ${deleted} history points past retention`
      : '';
    logger.info(
      `Evaluated ${services.length} services from ${entityCount} entities in ${durationMs} ms${retention} (catalog read ${phases.catalogReadMs} ms, evaluation ${phases.evaluationMs} ms, storing ${phases.storingMs} ms)`,
      { ...phases, ...phasesCpu },
    );
    return {
      serviceCount: services.length,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs,
      phases,
    };
  }
}
