import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  CatalogGraph,
  CheckDefinition,
  ConfiguredCheck,
  EngineConfig,
  EvaluationRunResult,
  evaluateCatalog,
  listConfiguredChecks,
} from '@microservices-backstage/plugin-microservices-common';
import type { HistoryRetention, MicroservicesStore } from '../database/MicroservicesStore';
import type { CatalogReader } from './CatalogReader';
import { toServiceDetail } from './toServiceDetail';

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
    return listConfiguredChecks(this.options.engineConfig, this.options.customChecks);
  }

  async run(): Promise<EvaluationRunResult> {
    const { catalog, store, logger, engineConfig, customChecks } = this.options;
    const now = this.options.now ?? (() => new Date());
    const started = now();
    const entities = await catalog.readLandscape();
    const evaluatedAt = now();
    const evaluation = evaluateCatalog(entities, engineConfig, {
      now: evaluatedAt,
      extraChecks: customChecks,
    });
    const graph: CatalogGraph = evaluation.graph;
    const at = evaluatedAt.toISOString();
    const services = evaluation.services.map(s => toServiceDetail(s, graph, at));
    const finished = now();
    await store.saveRun({
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      services,
      cycles: evaluation.cycles,
      sharedDatastores: evaluation.sharedDatastores.filter(d => d.conflicting),
    });
    const { deleted } = await store.applyRetention(this.options.history, finished);
    const durationMs = finished.getTime() - started.getTime();
    const retention = deleted ? `; removed ${deleted} history points past retention` : '';
    logger.info(
      `Evaluated ${services.length} services from ${entities.length} entities in ${durationMs} ms${retention}`,
    );
    return {
      serviceCount: services.length,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs,
    };
  }
}
