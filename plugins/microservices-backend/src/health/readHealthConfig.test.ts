import { ConfigReader } from '@backstage/config';
import { readHealthConfig } from './readHealthConfig';

const read = (health?: object) =>
  readHealthConfig(
    new ConfigReader(health ? { microservices: { health } } : {}),
  );

describe('readHealthConfig', () => {
  it('is closed by default: no host is probed', () => {
    expect(read()).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 10 },
        scope: 'global',
      },
      timeoutMs: 5000,
      concurrency: 10,
      degradedLatencyMs: 1000,
      allowedHosts: [],
      allowedRanges: [],
      retention: { maxAgeDays: 14 },
    });
  });

  it('reads durations as objects, strings or milliseconds', () => {
    const config = read({
      timeout: { seconds: 2 },
      degradedLatency: 250,
      schedule: { frequency: { seconds: 15 }, initialDelay: 'PT3S' },
      allowedHosts: ['*.example.com', 'status.example.org', '*'],
      allowedRanges: ['10.20.0.0/16', 'fd00::/8'],
      concurrency: 50,
      retention: { maxAgeDays: 30 },
    });
    expect(config).toMatchObject({
      timeoutMs: 2000,
      degradedLatencyMs: 250,
      concurrency: 50,
      allowedHosts: ['*.example.com', 'status.example.org', '*'],
      allowedRanges: ['10.20.0.0/16', 'fd00::/8'],
      retention: { maxAgeDays: 30 },
    });
    expect(config.schedule).toMatchObject({
      frequency: { seconds: 15 },
      timeout: { minutes: 5 },
      scope: 'global',
    });
  });

  it.each([
    [
      { allowedRanges: ['10.0.0.0/33'] },
      /microservices\.health\.allowedRanges: '10\.0\.0\.0\/33' is not a CIDR/,
    ],
    [{ allowedRanges: ['localhost'] }, /allowedRanges/],
    [{ allowedHosts: ['*example.com'] }, /allowedHosts: '\*example\.com'/],
    [
      { allowedHosts: 'example.com' },
      /allowedHosts: expected a list of strings/,
    ],
    [{ concurrency: 1.5 }, /concurrency: expected a whole number/],
    [
      { timeout: -1 },
      /microservices\.health\.timeout: expected a positive duration/,
    ],
    [{ degradedLatency: 'slow' }, /microservices\.health\.degradedLatency/],
    [
      { retention: { maxAgeDays: 0 } },
      /microservices\.health\.retention\.maxAgeDays/,
    ],
    [
      { schedule: { frequency: 'sometimes' } },
      /microservices\.health\.schedule/,
    ],
  ])('refuses %j naming the key', (health, message) => {
    expect(() => read(health)).toThrow(message);
  });
});
