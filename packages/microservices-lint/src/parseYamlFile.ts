import type { Document } from 'yaml';
import {
  CATALOG_YAML_LIMITS,
  CatalogYamlError,
  parseYamlSource,
  YamlDocument,
  yamlDocumentValue,
} from '@microservices-backstage/plugin-microservices-common';
import { describeFileError, FileReader } from './FileReader';
import { LintInputError } from './LintInputError';
import { errorMessage } from './errorMessage';

/**
 * Files above this size are refused before they are read; the limits are
 * those of the shared catalog YAML parser (CATALOG_YAML_LIMITS in -common).
 */
export const MAX_FILE_BYTES = CATALOG_YAML_LIMITS.maxBytes;

/** Alias expansions allowed per document: more is taken for an alias bomb. */
export const MAX_ALIAS_COUNT = CATALOG_YAML_LIMITS.maxAliasCount;

/** A parsed YAML file: its documents and where they start. */
export interface YamlFile {
  file: string;
  documents: Document.Parsed[];
  /** 1-based line of an offset in the file. */
  lineAt(offset: number): number;
  /** The shared parser's view of each document. */
  parsed: Map<Document.Parsed, YamlDocument>;
}

export interface ParseYamlOptions {
  /** Defaults to MAX_FILE_BYTES. */
  maxFileBytes?: number;
}

function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * Reads and parses a YAML file, multi-document. Refuses files above the size
 * limit before reading them and reports the first syntax error with its
 * line. Throws LintInputError only.
 */
export function parseYamlFile(
  file: string,
  reader: FileReader,
  options: ParseYamlOptions = {},
): YamlFile {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let source: string;
  try {
    const stats = reader.stat(file);
    if (!stats.isFile()) {
      throw new LintInputError('not a regular file', file);
    }
    if (stats.size > maxFileBytes) {
      throw new LintInputError(
        `${stats.size} bytes is more than the ${formatLimit(
          maxFileBytes,
        )} limit`,
        file,
      );
    }
    source = reader.readFile(file);
  } catch (error) {
    if (error instanceof LintInputError) throw error;
    throw new LintInputError(describeFileError(error), file);
  }
  const encoding = otherEncoding(source);
  if (encoding) {
    throw new LintInputError(
      `the file is encoded as ${encoding}: catalog files must be UTF-8, as Backstage reads them (convert it, e.g. iconv -f UTF-16 -t UTF-8)`,
      file,
    );
  }
  // The file may have grown between stat and read.
  if (source.length > maxFileBytes) {
    throw new LintInputError(
      `more than the ${formatLimit(maxFileBytes)} limit`,
      file,
    );
  }

  try {
    const parsed = parseYamlSource(source);
    const byDocument = new Map(parsed.documents.map(d => [d.document, d]));
    return {
      file,
      documents: parsed.documents.map(d => d.document),
      lineAt: parsed.lineAt,
      parsed: byDocument,
    };
  } catch (error) {
    if (error instanceof CatalogYamlError) {
      throw new LintInputError(error.problem, file, error.line);
    }
    throw new LintInputError(
      `cannot parse the YAML (${errorMessage(error)})`,
      file,
    );
  }
}

/**
 * The encoding of a file that is not UTF-8 text, judged from what reading it as UTF-8 gave:
 * UTF-16 and UTF-32 put NUL bytes between the bytes of ASCII characters (YAML text never has
 * NULs), and their byte order mark is no UTF-8 (it reads as U+FFFD). Undefined for UTF-8.
 */
export function otherEncoding(source: string): string | undefined {
  const sample = source.slice(0, 4096);
  if (!sample.includes('\u0000')) return undefined;
  const bom = sample.startsWith('\uFFFD\uFFFD')
    ? ', with a byte order mark'
    : '';
  const text = bom ? sample.slice(2) : sample;
  let even = 0;
  let odd = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\u0000') {
      if (i % 2 === 0) even += 1;
      else odd += 1;
      run += 1;
      longestRun = Math.max(longestRun, run);
    } else {
      run = 0;
    }
  }
  if (longestRun >= 3) return `UTF-32${bom}`;
  if (odd > even) return `UTF-16 (little-endian${bom})`;
  if (even > odd) return `UTF-16 (big-endian${bom})`;
  return `something other than UTF-8 (it has NUL bytes${bom})`;
}

/** The 1-based line where a document's content starts (after comments and `---`). */
export function documentLine(yaml: YamlFile, document: Document.Parsed) {
  const start = document.contents?.range?.[0] ?? document.range[0];
  return yaml.lineAt(start);
}

/**
 * A document as plain data (`null` for an empty one), with aliases expanded
 * at most MAX_ALIAS_COUNT times (the shared parser of -common). Throws
 * LintInputError only.
 */
export function documentValue(
  yaml: YamlFile,
  document: Document.Parsed,
): unknown {
  const parsed = yaml.parsed.get(document) ?? {
    index: 0,
    line: documentLine(yaml, document),
    looksLikeEntity: false,
    document,
  };
  try {
    return yamlDocumentValue(parsed);
  } catch (error) {
    if (error instanceof CatalogYamlError) {
      throw new LintInputError(error.problem, yaml.file, error.line);
    }
    throw new LintInputError(
      `cannot read the YAML document (${errorMessage(error)})`,
      yaml.file,
      parsed.line,
    );
  }
}
