import type { AddressInfo } from 'node:net';
import { createDemoHealthServer, DEMO_HEALTH } from './demoHealthEndpoints';

describe('demo health endpoints', () => {
  const server = createDemoHealthServer();
  let base = '';
  beforeAll(async () => {
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  it('answers healthy for most services, and as configured for the others', async () => {
    const healthy = await fetch(`${base}/health/order-service`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'UP' });

    const down = await fetch(`${base}/health/gift-card-service`);
    expect(down.status).toBe(500);
    expect(await down.json()).toEqual(DEMO_HEALTH['gift-card-service'].body);

    const warn = await fetch(`${base}/health/loyalty-service`);
    expect(await warn.json()).toEqual({ status: 'warn' });
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${base}/health/../etc`)).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });
});
