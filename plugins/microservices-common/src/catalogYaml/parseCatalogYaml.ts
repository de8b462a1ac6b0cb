/*
 * Catalog YAML in memory: multi-document YAML to catalog entities, with the
 * document and line of every problem. Shared by the command-line linter, the
 * validation API and the scaffolder action, so that they read a
 * `catalog-info.yaml` alike. Pure: no file system, no network; `$text`,
 * `$json` and `$yaml` placeholders are kept as written and never read.
 */
import {
  Composer,
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLError,
} from 'yaml';

/**
 * The limits of catalog YAML, defined once.
 *
 * @public
 */
export const CATALOG_YAML_LIMITS = {
  /** A file (linter) or a request body (API) above this is refused before it is parsed. */
  maxBytes: 10 * 1024 * 1024,
  /** Documents (`---`) in one file or body. */
  maxDocuments: 1000,
  /**
   * Alias expansions per document (the `yaml` package's own default, also what
   * the Backstage catalog gets): more is taken for a "billion laughs" alias bomb.
   */
  maxAliasCount: 100,
} as const;

/** @public */
export interface CatalogYamlOptions {
  /** Defaults to CATALOG_YAML_LIMITS.maxDocuments. */
  maxDocuments?: number;
}

/**
 * A problem in catalog YAML: `document` is 1-based, `line` 1-based in the whole source.
 *
 * @public
 */
export interface CatalogYamlProblem {
  document?: number;
  line?: number;
  message: string;
}

/**
 * Thrown by the parsing functions; `problem` is the message without the location.
 *
 * @public
 */
export class CatalogYamlError extends Error {
  readonly document?: number;
  readonly line?: number;
  readonly problem: string;

  constructor(problem: string, document?: number, line?: number) {
    super(line !== undefined ? `line ${line}: ${problem}` : problem);
    this.name = 'CatalogYamlError';
    this.problem = problem;
    this.document = document;
    this.line = line;
  }

  toProblem(): CatalogYamlProblem {
    return {
      ...(this.document !== undefined ? { document: this.document } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      message: this.problem,
    };
  }
}

/**
 * A parsed YAML document, not yet turned into data (aliases unexpanded).
 *
 * @public
 */
export interface YamlDocument {
  /** 1-based position in the source. */
  index: number;
  /** 1-based line where the document's content starts (after comments and `---`). */
  line: number;
  /** Whether the top level is a mapping with `apiVersion` and `kind`, decided on the syntax tree. */
  looksLikeEntity: boolean;
  /** The syntax tree. */
  document: Document.Parsed;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Map keys must be unique at line 14, column 1:\n\n..." → "Map keys must be unique". */
function firstSentence(error: YAMLError): string {
  const [first] = error.message.split('\n');
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * The source offset of the first key that repeats a key of its mapping, or undefined.
 * Linear: one set of keys per mapping (the `yaml` package's own `uniqueKeys` check compares
 * every key with every other: 80,000 keys took 45 s). Scalar keys are compared by value, as
 * the package does; aliases are not followed.
 */
function duplicateKeyOffset(document: Document.Parsed): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const id = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(id)) {
            const offset = key.range?.[0] ?? 0;
            if (first === undefined || offset < first) first = offset;
          }
          seen.add(id);
        } else {
          stack.push(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return first;
}

/**
 * Parses multi-document YAML into syntax trees, one document at a time, and
 * stops at the first syntax error or past `maxDocuments`. Throws
 * CatalogYamlError only.
 *
 * @public
 */
export function parseYamlDocuments(
  source: string,
  options: CatalogYamlOptions = {},
): YamlDocument[] {
  return parseYamlSource(source, options).documents;
}

/**
 * parseYamlDocuments, with the line of any offset in the source.
 *
 * @public
 */
export function parseYamlSource(
  source: string,
  options: CatalogYamlOptions = {},
): { documents: YamlDocument[]; lineAt(offset: number): number } {
  const maxDocuments = options.maxDocuments ?? CATALOG_YAML_LIMITS.maxDocuments;
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const documents: YamlDocument[] = [];
  try {
    const parser = new Parser(lineCounter.addNewLine);
    // Duplicate keys are found by duplicateKeyOffset, in linear time.
    const composer = new Composer({ uniqueKeys: false });
    for (const document of composer.compose(parser.parse(source))) {
      const parsed = document as Document.Parsed;
      const index = documents.length + 1;
      const [error] = parsed.errors;
      if (error) {
        const line = lineAt(error.pos?.[0] ?? parsed.range[0]);
        throw new CatalogYamlError(
          `malformed YAML: ${firstSentence(error)}`,
          index,
          line,
        );
      }
      const duplicate = duplicateKeyOffset(parsed);
      if (duplicate !== undefined) {
        throw new CatalogYamlError(
          'malformed YAML: Map keys must be unique',
          index,
          lineAt(duplicate),
        );
      }
      if (index > maxDocuments) {
        throw new CatalogYamlError(
          `more than ${maxDocuments} YAML documents: refusing the rest`,
          index,
          lineAt(parsed.range[0]),
        );
      }
      const contents = parsed.contents;
      documents.push({
        index,
        line: lineAt(contents?.range?.[0] ?? parsed.range[0]),
        looksLikeEntity:
          isMap(contents) && contents.has('apiVersion') && contents.has('kind'),
        document: parsed,
      });
    }
  } catch (error) {
    if (error instanceof CatalogYamlError) throw error;
    // The parser reports problems in `errors`; this is a safety net
    // (e.g. nesting so deep that the stack overflows).
    throw new CatalogYamlError(
      `cannot parse the YAML (${errorMessage(error)})`,
      documents.length + 1,
    );
  }
  return { documents, lineAt };
}

/**
 * A document as plain data (`null` for an empty one), with aliases expanded
 * at most CATALOG_YAML_LIMITS.maxAliasCount times. Throws CatalogYamlError only.
 *
 * @public
 */
export function yamlDocumentValue(document: YamlDocument): unknown {
  try {
    return document.document.toJS({
      maxAliasCount: CATALOG_YAML_LIMITS.maxAliasCount,
    });
  } catch (error) {
    if (/excessive alias count/i.test(errorMessage(error))) {
      throw new CatalogYamlError(
        `too many YAML alias expansions (more than ${CATALOG_YAML_LIMITS.maxAliasCount}): refusing what looks like an alias bomb ("billion laughs")`,
        document.index,
        document.line,
      );
    }
    throw new CatalogYamlError(
      `cannot read the YAML document (${errorMessage(error)})`,
      document.index,
      document.line,
    );
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '';

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'object' ? 'something else' : `a ${typeof value}`;
}

/**
 * Why a value is not a catalog entity, or undefined when it has the shape of one.
 *
 * @public
 */
export function entityShapeProblem(value: unknown): string | undefined {
  const need =
    'a catalog entity is a mapping with apiVersion, kind and metadata.name';
  if (!isRecord(value)) {
    return `not a catalog entity: the document is ${describeValue(
      value,
    )} (${need})`;
  }
  const missing: string[] = [];
  if (!nonEmptyString(value.apiVersion)) missing.push('apiVersion');
  if (!nonEmptyString(value.kind)) missing.push('kind');
  if (!isRecord(value.metadata) || !nonEmptyString(value.metadata.name)) {
    missing.push('metadata.name');
  }
  if (missing.length === 0) {
    return undefined;
  }
  return `not a catalog entity: no ${missing.join(', no ')} (${need})`;
}

/**
 * An entity read from catalog YAML (or JSON), with where it was read.
 *
 * @public
 */
export interface SourcedCatalogEntity<T = unknown> {
  entity: T;
  /** 1-based document (or array element) position. */
  document: number;
  /** 1-based line; absent for JSON input. */
  line?: number;
}

/**
 * Multi-document catalog YAML to entity-shaped values. Empty documents are
 * skipped (as the catalog skips them); every other document must have the
 * shape of an entity. Parsing stops at the first syntax error or limit (one
 * problem); shape problems are collected for every document. Never throws.
 *
 * @public
 */
export function parseCatalogYaml(
  source: string,
  options: CatalogYamlOptions = {},
): { entities: SourcedCatalogEntity[]; problems: CatalogYamlProblem[] } {
  const entities: SourcedCatalogEntity[] = [];
  const problems: CatalogYamlProblem[] = [];
  let documents: YamlDocument[];
  try {
    documents = parseYamlDocuments(source, options);
  } catch (error) {
    return {
      entities,
      problems: [
        error instanceof CatalogYamlError
          ? error.toProblem()
          : { message: errorMessage(error) },
      ],
    };
  }
  for (const document of documents) {
    let value: unknown;
    try {
      value = yamlDocumentValue(document);
    } catch (error) {
      problems.push(
        error instanceof CatalogYamlError
          ? error.toProblem()
          : { document: document.index, message: errorMessage(error) },
      );
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = entityShapeProblem(value);
    if (problem) {
      problems.push({
        document: document.index,
        line: document.line,
        message: problem,
      });
    } else {
      entities.push({
        entity: value,
        document: document.index,
        line: document.line,
      });
    }
  }
  return { entities, problems };
}
