import { ResponseError } from '@backstage/errors';
import { describeError, isNotFoundError } from './describeError';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      {
        status,
        headers: { 'Content-Type': 'application/json' },
      },
    ) as any,
  );
}

describe('describeError', () => {
  it('says the backend is unreachable for network failures', () => {
    const d = describeError(new TypeError('Failed to fetch'), 'the services');
    expect(d.title).toBe(
      'Could not reach the microservices backend to load the services',
    );
    expect(d.message).toMatch(/may be down/);
  });

  it("explains permission and server errors with the backend's own message", async () => {
    const forbidden = describeError(
      await responseError(403, 'Missing permission'),
      'the services',
    );
    expect(forbidden.title).toBe('Not allowed to read the services');
    expect(forbidden.message).toMatch(/microservices\.results\.read/);
    const failed = describeError(
      await responseError(500, 'database is locked'),
      'the summary',
    );
    expect(failed.title).toBe(
      'The microservices backend failed to load the summary',
    );
    expect(failed.message).toMatch(/500: database is locked/);
  });

  it('recognizes a 404 as "not evaluated"', async () => {
    expect(isNotFoundError(await responseError(404, 'No result'))).toBe(true);
    expect(isNotFoundError(new Error('x'))).toBe(false);
  });

  it('keeps any other message as it is', () => {
    expect(describeError(new Error('backend is down'), 'the services')).toEqual(
      {
        title: 'Could not load the services',
        message: 'backend is down',
      },
    );
  });
});
