import { mockServices } from '@backstage/backend-test-utils';
import type { EvaluationRunResult } from '@microservices-backstage/plugin-microservices-common';
import { MicroservicesService } from './MicroservicesService';
import { TooManyRequestsError } from './httpErrors';

function serviceWithSlowRuns() {
  const finishers: Array<(r: EvaluationRunResult) => void> = [];
  const evaluator = {
    run: jest.fn(
      () => new Promise<EvaluationRunResult>(resolve => finishers.push(resolve)),
    ),
  };
  const service = new MicroservicesService({
    store: {} as any,
    catalog: {} as any,
    evaluator: evaluator as any,
    logger: mockServices.logger.mock(),
    manualRuns: { maxRuns: 2, windowMs: 60_000 },
  });
  const finish = () =>
    finishers.shift()!({
      serviceCount: 1,
      startedAt: 'a',
      finishedAt: 'b',
      durationMs: 1,
    });
  return { service, evaluator, finish };
}

describe('MicroservicesService.evaluateNow', () => {
  it('lets concurrent callers join the run in progress, without counting it against them', async () => {
    const { service, evaluator, finish } = serviceWithSlowRuns();
    const calls = Array.from({ length: 10 }, () =>
      service.evaluateNow('user:default/crowd'),
    );
    expect(evaluator.run).toHaveBeenCalledTimes(1);
    finish();
    await Promise.all(calls);
    // Only the one start counted: one more start is allowed, then the limit.
    const second = service.evaluateNow('user:default/crowd');
    finish();
    await second;
    expect(() => service.evaluateNow('user:default/crowd')).toThrow(
      TooManyRequestsError,
    );
  });

  it('does not limit the scheduled run (no caller)', async () => {
    const { service, finish } = serviceWithSlowRuns();
    for (let i = 0; i < 5; i++) {
      const run = service.evaluateNow();
      finish();
      await run;
    }
  });
});
