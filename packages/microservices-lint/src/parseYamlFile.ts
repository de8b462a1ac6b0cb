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
