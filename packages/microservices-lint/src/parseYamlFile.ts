import { Document, LineCounter, parseAllDocuments, YAMLError } from 'yaml';
import { describeFileError, FileReader } from './FileReader';
import { LintInputError } from './LintInputError';
import { errorMessage } from './errorMessage';

/** Files above this size are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Alias expansions allowed per document (the `yaml` package's own default,
 * also what the Backstage catalog gets): more is taken for a "billion
 * laughs" alias bomb.
 */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file: its documents and where they start. */
export interface YamlFile {
  file: string;
  documents: Document.Parsed[];
  /** 1-based line of an offset in the file. */
  lineAt(offset: number): number;
}

export interface ParseYamlOptions {
  /** Defaults to MAX_FILE_BYTES. */
  maxFileBytes?: number;
}

function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/** "Map keys must be unique at line 14, column 1:\n\n..." → "Map keys must be unique". */
function firstSentence(error: YAMLError): string {
  const [first] = error.message.split('\n');
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
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

  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  let documents: Document.Parsed[];
  try {
    documents = [...parseAllDocuments(source, { lineCounter })];
  } catch (error) {
    // The parser reports problems in `errors`; this is a safety net
    // (e.g. nesting so deep that the stack overflows).
    throw new LintInputError(
      `cannot parse the YAML (${errorMessage(error)})`,
      file,
    );
  }
  for (const document of documents) {
    const [error] = document.errors;
    if (error) {
      const line = error.linePos?.[0]?.line ?? lineAt(document.range[0]);
      throw new LintInputError(
        `malformed YAML: ${firstSentence(error)}`,
        file,
        line,
      );
    }
  }
  return { file, documents, lineAt };
}

/** The 1-based line where a document's content starts (after comments and `---`). */
export function documentLine(yaml: YamlFile, document: Document.Parsed) {
  const start = document.contents?.range?.[0] ?? document.range[0];
  return yaml.lineAt(start);
}

/**
 * A document as plain data (`null` for an empty one), with aliases expanded
 * at most MAX_ALIAS_COUNT times. Throws LintInputError only.
 */
export function documentValue(
  yaml: YamlFile,
  document: Document.Parsed,
): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const line = documentLine(yaml, document);
    if (/excessive alias count/i.test(errorMessage(error))) {
      throw new LintInputError(
        `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}): refusing what looks like an alias bomb ("billion laughs")`,
        yaml.file,
        line,
      );
    }
    throw new LintInputError(
      `cannot read the YAML document (${errorMessage(error)})`,
      yaml.file,
      line,
    );
  }
}
