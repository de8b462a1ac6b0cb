import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { microservicesApiRef } from '../api';

/**
 * The configured checks' titles by id (`GET /checks`); a nicety: until they load, or if they
 * fail to, `titleOf` gives the id.
 */
export function useCheckTitles(): {
  titles?: Map<string, string>;
  titleOf: (checkId: string) => string;
} {
  const api = useApi(microservicesApiRef);
  const checks = useAsync(async () => {
    const list = await api.listChecks();
    return new Map(list.map(c => [c.id, c.title]));
  }, [api]);
  const titles = checks.value;
  return { titles, titleOf: id => titles?.get(id) ?? id };
}
