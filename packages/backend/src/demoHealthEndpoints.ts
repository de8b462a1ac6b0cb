/*
 * Demo only: small health endpoints for the demo landscape (examples/), so that `npm start`
 * shows live health out of the box. Started only when `microservicesDemo.healthEndpoints.port`
 * is set (the root app-config.yaml does; production configs must not). Answers
 * `GET /health/<service>`: most services are healthy, a few degraded or slow, a couple down.
 */
import http from 'node:http';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

type Behaviour = { status: number; body: object; delayMs?: number };

/** What each demo service answers; services not listed are healthy. */
export const DEMO_HEALTH: Record<string, Behaviour> = {
  // Degraded: slow (over the demo's degradedLatency), or a body that says so.
  'search-service': { status: 200, body: { status: 'UP' }, delayMs: 1500 },
  'loyalty-service': { status: 200, body: { status: 'warn' } },
  'preferences-service': { status: 200, body: { status: 'OUT_OF_SERVICE' } },
  // Unhealthy: an error status, or DOWN.
  'gift-card-service': { status: 500, body: { status: 'DOWN' } },
  'carrier-tracking-poller': { status: 503, body: { status: 'fail' } },
};

const HEALTHY: Behaviour = { status: 200, body: { status: 'UP' } };

export function createDemoHealthServer(): http.Server {
  return http.createServer((req, res) => {
    const match = /^\/health\/([a-z0-9-]+)$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"status":"DOWN","error":"unknown path"}');
      return;
    }
    const behaviour = DEMO_HEALTH[match[1]] ?? HEALTHY;
    const answer = () => {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(behaviour.body));
    };
    if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs).unref();
    else answer();
  });
}

export default createBackendModule({
  pluginId: 'microservices',
  moduleId: 'demo-health-endpoints',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const port = config.getOptionalNumber(
          'microservicesDemo.healthEndpoints.port',
        );
        if (port === undefined) return;
        const server = createDemoHealthServer();
        await new Promise<void>(resolve => {
          server.once('error', (e: NodeJS.ErrnoException) => {
            // Another demo backend (npm start next to the e2e tests) already serves them.
            logger.warn(
              `Demo health endpoints not started on 127.0.0.1:${port}: ${
                e.code ?? e.message
              }`,
            );
            resolve();
          });
          server.listen(port, '127.0.0.1', () => {
            logger.info(
              `Demo health endpoints on http://127.0.0.1:${port}/health/<service>`,
            );
            resolve();
          });
        });
        lifecycle.addShutdownHook(() => {
          server.close();
          server.closeAllConnections();
        });
      },
    });
  },
});
