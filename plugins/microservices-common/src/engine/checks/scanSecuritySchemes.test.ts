import fs from 'fs';
import path from 'path';
import { parseDocument } from 'yaml';
import { CORPORA_DIR, loadCorpus } from '../__fixtures__/loadCorpus';
import { createSyntheticLandscape } from '../../testUtils';
import { scanSecuritySchemes } from './scanSecuritySchemes';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../../../examples');

/** What a full YAML parse says: the scheme names, or undefined when it does not parse to a mapping. */
function parsed(text: string): string[] | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  const value = document.toJS();
  const isObject = (v: unknown): v is Record<string, any> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return undefined;
  const components = isObject(value.components) ? value.components : {};
  return [components.securitySchemes, value.securityDefinitions].flatMap(v =>
    isObject(v) ? Object.keys(v) : [],
  );
}

describe('scanSecuritySchemes', () => {
  it.each([
    ['OpenAPI 3 block YAML', 'openapi: 3.0.0\ncomponents:\n  schemas: {}\n  securitySchemes:\n    oauth: { type: oauth2 }\n    key:\n      type: apiKey\n', ['oauth', 'key']],
    ['Swagger 2', 'swagger: "2.0"\nsecurityDefinitions:\n  basic:\n    type: basic\n', ['basic']],
    ['both, components first', 'securityDefinitions:\n  b: {}\ncomponents:\n  securitySchemes:\n    a: {}\n', ['a', 'b']],
    ['none declared', 'openapi: 3.0.0\npaths: {}\n', []],
    ['components without schemes', 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A: { type: object }\n', []],
    ['JSON', '{"openapi":"3.0.0","components":{"securitySchemes":{"jwt":{}}}}', ['jwt']],
    ['a leading document marker and comments', '---\n# api\nopenapi: 3.0.0 # yes\ncomponents: # c\n  # schemes\n  securitySchemes:\n\n    bearer: # b\n      type: http\n', ['bearer']],
    ['CRLF line ends', 'openapi: 3.0.0\r\ncomponents:\r\n  securitySchemes:\r\n    k: {}\r\n', ['k']],
    ['quoted scheme names', 'components:\n  securitySchemes:\n    "my scheme": {}\n    \'other\': {}\n', ['my scheme', 'other']],
    ['block scalars under other keys', 'info:\n  description: |\n    components:\n      securitySchemes:\n        fake: {}\ncomponents:\n  securitySchemes:\n    real: {}\n', ['real']],
  ])('reads %s', (_, text, expected) => {
    expect(scanSecuritySchemes(text)).toEqual(expected);
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    ['flow style components', 'components: { securitySchemes: { a: {} } }\n'],
    ['a flow mapping spanning lines', 'components:\n  securitySchemes: {\n    a: {} }\n'],
    ['an anchor', 'components:\n  securitySchemes: &s\n    a: {}\n'],
    ['an alias', 'components:\n  securitySchemes: *s\n'],
    ['a merge key', 'components:\n  securitySchemes:\n    <<: *base\n'],
    ['a duplicate scheme', 'components:\n  securitySchemes:\n    a: {}\n    a: {}\n'],
    ['a duplicate top-level key', 'components:\n  schemas: {}\ncomponents:\n  securitySchemes:\n    a: {}\n'],
    ['two documents', 'openapi: 3.0.0\n---\ncomponents:\n  securitySchemes:\n    a: {}\n'],
    ['a sequence where a mapping belongs', 'components:\n  securitySchemes:\n    - a\n'],
    ['an unclosed flow value at the top', 'openapi: [\n'],
    ['a scalar document', 'just some text'],
    ['a tab-indented line', 'components:\n\tsecuritySchemes: {}\n'],
    ['invalid JSON', '{"openapi": '],
    ['odd indentation', 'components:\n    securitySchemes:\n      a: {}\n  schemas: {}\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(scanSecuritySchemes(text)).toBeUndefined();
  });

  it('agrees with a full parse on every definition of the demo, the real-world catalogs and a synthetic landscape', () => {
    const apis = [
      ...loadCorpus(path.relative(CORPORA_DIR, EXAMPLES_DIR)),
      ...fs
        .readdirSync(CORPORA_DIR, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .flatMap(entry => loadCorpus(entry.name)),
      ...createSyntheticLandscape({ services: 300, seed: 7 }),
    ].filter(e => e.kind === 'API' && typeof e.spec?.definition === 'string');
    expect(apis.length).toBeGreaterThan(400);
    let decided = 0;
    for (const api of apis) {
      const text = api.spec!.definition as string;
      const scanned = scanSecuritySchemes(text);
      if (scanned === undefined) continue;
      decided += 1;
      expect({ api: api.metadata.name, schemes: scanned }).toEqual({
        api: api.metadata.name,
        schemes: parsed(text),
      });
    }
    // The scan decides the common case on its own.
    expect(decided / apis.length).toBeGreaterThan(0.9);
  });
});
