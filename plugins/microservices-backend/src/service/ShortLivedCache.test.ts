import { ShortLivedCache } from './ShortLivedCache';

describe('ShortLivedCache', () => {
  function setup(maxEntries?: number) {
    let now = 1_000;
    const cache = new ShortLivedCache<string>({
      ttlMs: 5_000,
      maxEntries,
      now: () => now,
    });
    return { cache, advance: (ms: number) => (now += ms) };
  }

  it('shares one load between concurrent callers and reuses it until it expires', async () => {
    const { cache, advance } = setup();
    let loads = 0;
    const load = jest.fn(async () => `value ${++loads}`);
    const [a, b] = await Promise.all([
      cache.get('k', load),
      cache.get('k', load),
    ]);
    expect([a, b]).toEqual(['value 1', 'value 1']);
    advance(4_999);
    expect(await cache.get('k', load)).toBe('value 1');
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await cache.get('k', load)).toBe('value 2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart', async () => {
    const { cache } = setup();
    expect(await cache.get('user:default/a', async () => 'ALLOW')).toBe(
      'ALLOW',
    );
    expect(await cache.get('user:default/b', async () => 'DENY')).toBe('DENY');
    expect(await cache.get('user:default/a', async () => 'DENY')).toBe('ALLOW');
  });

  it('does not keep a failed load', async () => {
    const { cache } = setup();
    await expect(
      cache.get('k', async () => {
        throw new Error('permission backend unavailable');
      }),
    ).rejects.toThrow('permission backend unavailable');
    expect(await cache.get('k', async () => 'retried')).toBe('retried');
  });

  it('holds at most maxEntries keys', async () => {
    const { cache, advance } = setup(2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    advance(1);
    // Full: everything went to make room for c, so a loads again.
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
  });
});
