import { ConfigReader } from '@backstage/config';
import { readGlobalSchedule } from './readGlobalSchedule';

const defaults = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

describe('readGlobalSchedule', () => {
  it('gives the defaults when the key is absent', () => {
    expect(readGlobalSchedule(undefined, 'microservices.schedule', defaults)).toBe(
      defaults,
    );
  });

  it('keeps the defaults of the keys left out, and runs once across replicas', () => {
    const schedule = readGlobalSchedule(
      new ConfigReader({ frequency: { minutes: 1 } }),
      'microservices.schedule',
      defaults,
    );
    expect(schedule).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 15 },
      scope: 'global',
    });
  });

  it('names the full key of a bad value', () => {
    expect(() =>
      readGlobalSchedule(
        new ConfigReader({ frequency: 'often' }),
        'microservices.health.schedule',
        defaults,
      ),
    ).toThrow(/^Invalid config at microservices\.health\.schedule: /);
  });
});
