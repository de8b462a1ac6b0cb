import {
  EngineConfig,
  EngineConfigError,
  resolveEngineConfig,
} from '@microservices-backstage/plugin-microservices-common';
import { isMap, isScalar, isSeq, Node } from 'yaml';
import type { FileReader } from './FileReader';
import { LintInputError } from './LintInputError';
import {
  documentLine,
  documentValue,
  parseYamlFile,
  ParseYamlOptions,
  YamlFile,
} from './parseYamlFile';

export interface ReadEngineConfig {
  config: EngineConfig;
  /** False when the file has no `microservices:` section (the defaults apply). */
  hasSection: boolean;
}

/**
 * The line of a config key as EngineConfigError names it, e.g.
 * `microservices.checks.fault-isolation.no-dependency-cycle.weight` or
 * `microservices.levels[1].minScore` (check ids contain dots, so each step
 * takes the longest mapping key that matches). The deepest key found wins.
 */
function lineOfKey(
  yaml: YamlFile,
  root: Node | null,
  key: string,
): number | undefined {
  let node: unknown = root;
  let rest = key;
  let line: number | undefined;
  while (rest !== '' && node) {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (index) {
      if (!isSeq(node)) break;
      node = node.items[Number(index[1])];
      const range = (node as Node | undefined)?.range;
      if (range) line = yaml.lineAt(range[0]);
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!isMap(node)) break;
    let best: { length: number; value: unknown; offset?: number } | undefined;
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (
        name !== undefined &&
        (rest === name ||
          rest.startsWith(`${name}.`) ||
          rest.startsWith(`${name}[`)) &&
        (!best || name.length > best.length)
      ) {
        best = {
          length: name.length,
          value: pair.value,
          offset: (pair.key as Node).range?.[0],
        };
      }
    }
    if (!best) break;
    if (best.offset !== undefined) line = yaml.lineAt(best.offset);
    node = best.value;
    rest = rest.slice(best.length).replace(/^\./, '');
  }
  return line;
}

/**
 * The engine configuration from the `microservices:` section of an
 * app-config file, resolved and validated by the engine's own
 * resolveEngineConfig. Throws LintInputError naming the file, the line and
 * the key of the first invalid value.
 */
export function readEngineConfig(
  file: string,
  reader: FileReader,
  options: ParseYamlOptions = {},
): ReadEngineConfig {
  const yaml = parseYamlFile(file, reader, options);
  const documents = yaml.documents.filter(
    document => documentValue(yaml, document) !== null,
  );
  if (documents.length === 0) {
    return { config: resolveEngineConfig(undefined), hasSection: false };
  }
  if (documents.length > 1) {
    throw new LintInputError(
      'a config file holds one YAML document, this one has more',
      file,
      documentLine(yaml, documents[1]),
    );
  }
  const [document] = documents;
  const value = documentValue(yaml, document);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LintInputError(
      'not an app-config file: expected a mapping at the top level',
      file,
      documentLine(yaml, document),
    );
  }
  const section = (value as Record<string, unknown>).microservices;
  try {
    return {
      config: resolveEngineConfig(section),
      hasSection: section !== undefined && section !== null,
    };
  } catch (error) {
    if (error instanceof EngineConfigError) {
      throw new LintInputError(
        error.message,
        file,
        lineOfKey(yaml, document.contents, error.key),
      );
    }
    throw error;
  }
}
