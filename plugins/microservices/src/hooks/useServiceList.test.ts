import { prefetchServiceListOnce } from './useServiceList';

const firstPage = { offset: 0, limit: 20 };

describe('prefetchServiceListOnce', () => {
  it('gives a page mounted again during the same navigation the request in flight', async () => {
    const api = {
      listServices: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0, offset: 0, limit: 20 }),
    };
    const first = prefetchServiceListOnce(api, firstPage, 'navigation-1');
    const again = prefetchServiceListOnce(api, firstPage, 'navigation-1');
    expect(again).toBe(first);
    expect(api.listServices).toHaveBeenCalledTimes(1);
    await first.promise;
    expect(first.settled).toEqual({
      value: { items: [], totalCount: 0, offset: 0, limit: 20 },
    });
  });

  it('asks again for another navigation or another query', () => {
    const api = {
      listServices: jest.fn().mockReturnValue(new Promise(() => {})),
    };
    const first = prefetchServiceListOnce(api, firstPage, 'navigation-1');
    expect(prefetchServiceListOnce(api, firstPage, 'navigation-2')).not.toBe(
      first,
    );
    prefetchServiceListOnce(api, { offset: 20, limit: 20 }, 'navigation-2');
    expect(api.listServices).toHaveBeenCalledTimes(3);
  });
});
