import { MicroservicesClient } from './MicroservicesClient';

function client(response: { status?: number; body: unknown }) {
  const fetch = jest.fn().mockResolvedValue(
    new Response(JSON.stringify(response.body), {
      status: response.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  const api = new MicroservicesClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/microservices',
    },
    fetchApi: { fetch },
  });
  return { api, fetch };
}

describe('MicroservicesClient', () => {
  it('sends list filters as repeated query parameters', async () => {
    const { api, fetch } = client({
      body: { items: [], totalCount: 0, offset: 0, limit: 20 },
    });
    await api.listServices({
      owner: ['group:default/a', 'group:default/b'],
      search: 'order',
      orderBy: 'score',
      order: 'desc',
      offset: 40,
      limit: 20,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/services?owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb&search=order&orderBy=score&order=desc&offset=40&limit=20',
      undefined,
    );
  });

  it('unwraps history and checks, and encodes entity names', async () => {
    const { api, fetch } = client({
      body: { entityRef: 'x', items: [{ score: 1 }] },
    });
    expect(await api.getHistory('default', 'a b')).toEqual([{ score: 1 }]);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/services/default/a%20b/history',
      undefined,
    );
  });

  it('asks for a service health history', async () => {
    const { api, fetch } = client({ body: { entityRef: 'x', uptime24h: 1, points: [] } });
    expect(await api.getServiceHealth('default', 'a b', { limit: 60 })).toEqual({
      entityRef: 'x',
      uptime24h: 1,
      points: [],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/services/default/a%20b/health?limit=60',
      undefined,
    );
  });

  it('asks for the landscape history with a limit', async () => {
    const { api, fetch } = client({ body: { items: [{ averageScore: 90 }] } });
    expect(await api.getSummaryHistory(60)).toEqual([{ averageScore: 90 }]);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/microservices/summary/history?limit=60',
      undefined,
    );
  });

  it('throws a ResponseError carrying the status', async () => {
    const { api } = client({
      status: 404,
      body: {
        error: { name: 'NotFoundError', message: 'No result' },
        response: { statusCode: 404 },
      },
    });
    await expect(api.getService('default', 'x')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
