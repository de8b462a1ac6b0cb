import {
  EMPTY_SERVICE_LIST_STATE,
  isFiltered,
  parseServiceListUrl,
  serializeServiceListUrl,
  servicesOverviewLink,
  toServiceListQuery,
} from './serviceListUrlState';

const parse = (query: string) =>
  parseServiceListUrl(new URLSearchParams(query));

describe('serviceListUrlState', () => {
  it('reads nothing from an empty query', () => {
    expect(parse('')).toEqual(EMPTY_SERVICE_LIST_STATE);
    expect(isFiltered(parse(''))).toBe(false);
  });

  it('reads repeated and comma-separated filters, completing short refs', () => {
    const state = parse(
      'owner=orders-team&owner=group:default/Warehouse-Team&system=order-management,warehouse' +
        '&lifecycle=Production&level=gold&failingPrinciple=devops&failingCheck=devops.on-call' +
        '&health=Unhealthy,degraded',
    );
    expect(state.filters).toEqual({
      owner: ['group:default/orders-team', 'group:default/warehouse-team'],
      system: ['system:default/order-management', 'system:default/warehouse'],
      domain: [],
      lifecycle: ['production'],
      level: ['gold'],
      failingPrinciple: ['devops'],
      failingCheck: ['devops.on-call'],
      health: ['unhealthy', 'degraded'],
    });
    expect(isFiltered(state)).toBe(true);
  });

  it('reads sorting, paging, search and "only mine", ignoring nonsense', () => {
    expect(
      parse(
        'orderBy=score&order=desc&page=3&pageSize=50&search=%20order%20&mine=true',
      ),
    ).toMatchObject({
      orderBy: 'score',
      order: 'desc',
      page: 2,
      pageSize: 50,
      search: 'order',
      mine: true,
    });
    expect(
      parse(
        'orderBy=password&order=sideways&page=-1&pageSize=99999&mine=maybe',
      ),
    ).toMatchObject({
      orderBy: undefined,
      order: 'asc',
      page: 0,
      pageSize: 500,
      mine: false,
    });
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const query =
      'owner=group%3Adefault%2Forders-team&level=gold&search=order&mine=true&orderBy=score&order=desc&page=2&pageSize=50';
    expect(serializeServiceListUrl(parse(query)).toString()).toBe(query);
    expect(serializeServiceListUrl(EMPTY_SERVICE_LIST_STATE).toString()).toBe(
      '',
    );
  });

  it('builds links to the filtered overview', () => {
    expect(servicesOverviewLink('/microservices', {})).toBe('/microservices');
    expect(
      servicesOverviewLink('/microservices', {
        owner: ['group:default/orders-team'],
        failingPrinciple: ['devops'],
      }),
    ).toBe(
      '/microservices?owner=group%3Adefault%2Forders-team&failingPrinciple=devops',
    );
  });

  it('turns the state into an API query with offset and limit', () => {
    expect(
      toServiceListQuery(parse('page=3&pageSize=50&level=gold&orderBy=name')),
    ).toEqual({
      offset: 100,
      limit: 50,
      level: ['gold'],
      orderBy: 'name',
      order: 'asc',
    });
  });

  it('narrows "only mine" to the user\'s ownership refs', () => {
    const refs = ['user:default/ada', 'group:default/Orders-Team'];
    expect(toServiceListQuery(parse('mine=true'), refs)?.owner).toEqual([
      'user:default/ada',
      'group:default/orders-team',
    ]);
    expect(
      toServiceListQuery(
        parse('mine=true&owner=orders-team&owner=warehouse-team'),
        refs,
      )?.owner,
    ).toEqual(['group:default/orders-team']);
    expect(
      toServiceListQuery(parse('mine=true&owner=warehouse-team'), refs),
    ).toBeUndefined();
    expect(toServiceListQuery(parse('mine=true'), [])).toBeUndefined();
  });
});
