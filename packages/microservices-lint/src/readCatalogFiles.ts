import type { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { entityShapeProblem } from '@microservices-backstage/plugin-microservices-common';
import { describeFileError, FileReader, nodeFileReader } from './FileReader';
import { LintInputError } from './LintInputError';
import {
  documentLine,
  documentValue,
  parseYamlFile,
  ParseYamlOptions,
  YamlFile,
} from './parseYamlFile';
import { errorMessage } from './errorMessage';

/** Where an entity (or a skipped document) was read. */
export interface SourceLocation {
  file: string;
  /** 1-based line where the document's content starts. */
  line: number;
}

export interface SourcedEntity {
  entity: Entity;
  source: SourceLocation;
  /** Read from a context path: in the graph, but not linted. */
  context?: boolean;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface SkippedLocation extends SourceLocation {
  /** The Location's `metadata.name`. */
  name: string;
}

export interface CatalogFiles {
  /** The YAML files read from the paths, in order. */
  files: string[];
  /** The YAML files read from the context paths only, in order. */
  contextFiles: string[];
  /**
   * Every entity except `Location`s, in file and document order: those of
   * the paths first, then those of the context paths.
   */
  entities: SourcedEntity[];
  /** YAML files found by walking a folder that hold no entity. */
  skippedFiles: SkippedFile[];
  /** `kind: Location` documents: not followed. */
  skippedLocations: SkippedLocation[];
  /** Unusable input, at most one per path or file; nothing is evaluated when there is any. */
  errors: LintInputError[];
}

export interface ReadCatalogOptions extends ParseYamlOptions {
  reader?: FileReader;
  /**
   * Files and folders read like the paths, for the graph only: their
   * entities are marked `context`. A file also found from the paths is not.
   */
  context?: readonly string[];
}

const YAML_FILE = /\.ya?ml$/i;
/** Folders a walk does not enter: dependencies and hidden folders (.git, ...). */
const skipFolder = (name: string) =>
  name === 'node_modules' || name.startsWith('.');

/** Why a document is not a catalog entity, or undefined when it is one (the shared parser's rule). */
export const entityProblem = entityShapeProblem;

/**
 * Whether a file found by walking a folder is meant as a catalog file: at
 * least one document is a mapping with `apiVersion` and `kind`. Decided on
 * the syntax tree, so that other YAML is never expanded.
 */
function looksLikeCatalogFile(yaml: YamlFile): boolean {
  return yaml.documents.some(
    document => yaml.parsed.get(document)?.looksLikeEntity,
  );
}

interface Candidate {
  file: string;
  /** Named on the command line, rather than found in a folder. */
  explicit: boolean;
  /** Found from the context paths only. */
  context: boolean;
}

/** Whether `real` (a canonical path) is `folder` or below it. */
const isWithin = (real: string, folder: string) =>
  real === folder ||
  real.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);

/**
 * The YAML files below a folder, sorted, each folder visited once (symbolic link loops).
 * Symbolic links are followed only while they stay inside the folder: one that leads out of
 * it (to /etc, to a home folder) is skipped and reported, as is any file that cannot be read.
 */
function walkFolder(
  root: string,
  reader: FileReader,
  skippedFiles: SkippedFile[],
): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const stack = [root];
  let rootReal: string | undefined;
  try {
    rootReal = reader.realpath(root);
  } catch {
    // Reading the folder below reports it.
  }
  /** Why an entry is not followed (a link out of the folder), or undefined. */
  const outside = (entry: string): string | undefined => {
    if (rootReal === undefined) return undefined;
    let real: string;
    try {
      real = reader.realpath(entry);
    } catch (error) {
      return describeFileError(error);
    }
    return isWithin(real, rootReal)
      ? undefined
      : `a symbolic link out of ${root} (to ${real}): not followed`;
  };
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let names: string[];
    try {
      const real = reader.realpath(folder);
      if (visited.has(real)) continue;
      visited.add(real);
      names = reader.readdir(folder).sort();
    } catch (error) {
      skippedFiles.push({ file: folder, reason: describeFileError(error) });
      continue;
    }
    const subfolders: string[] = [];
    for (const name of names) {
      const entry = path.join(folder, name);
      let stats;
      try {
        stats = reader.stat(entry);
      } catch (error) {
        if (YAML_FILE.test(name)) {
          skippedFiles.push({ file: entry, reason: describeFileError(error) });
        }
        continue;
      }
      if (stats.isDirectory()) {
        if (skipFolder(name)) continue;
        const reason = outside(entry);
        if (reason) skippedFiles.push({ file: entry, reason });
        else subfolders.push(entry);
      } else if (YAML_FILE.test(name)) {
        const reason = stats.isFile() ? outside(entry) : undefined;
        if (reason) {
          skippedFiles.push({ file: entry, reason });
        } else if (stats.isFile()) {
          found.push(entry);
        } else {
          skippedFiles.push({ file: entry, reason: 'not a regular file' });
        }
      }
    }
    // Depth first, in name order: push in reverse so the first pops first.
    stack.push(...subfolders.reverse());
  }
  return found;
}

/**
 * The files to read: the named files, and the YAML files below the named
 * folders, each once; those of the paths first, then those of the context.
 */
function collectCandidates(
  paths: readonly string[],
  contextPaths: readonly string[],
  reader: FileReader,
  result: CatalogFiles,
): Candidate[] {
  const byRealPath = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  const add = (file: string, explicit: boolean, context: boolean) => {
    let real = file;
    try {
      real = reader.realpath(file);
    } catch {
      // Reading it will report the problem.
    }
    const known = byRealPath.get(real);
    if (known) {
      known.explicit = known.explicit || explicit;
      known.context = known.context && context;
      return;
    }
    const candidate = { file, explicit, context };
    byRealPath.set(real, candidate);
    candidates.push(candidate);
  };
  const given = [
    ...paths.map(file => ({ file, context: false })),
    ...contextPaths.map(file => ({ file, context: true })),
  ];
  for (const { file: named, context } of given) {
    let stats;
    try {
      stats = reader.stat(named);
    } catch (error) {
      result.errors.push(new LintInputError(describeFileError(error), named));
      continue;
    }
    if (stats.isDirectory()) {
      for (const file of walkFolder(named, reader, result.skippedFiles)) {
        add(file, false, context);
      }
    } else if (stats.isFile()) {
      add(named, true, context);
    } else {
      result.errors.push(
        new LintInputError('not a regular file or folder', named),
      );
    }
  }
  return candidates;
}

/** Reads one file's entities into the result; throws LintInputError. */
function readFile(
  { file, explicit, context }: Candidate,
  reader: FileReader,
  options: ParseYamlOptions,
  result: CatalogFiles,
) {
  const yaml = parseYamlFile(file, reader, options);
  if (!explicit && !looksLikeCatalogFile(yaml)) {
    result.skippedFiles.push({
      file,
      reason:
        yaml.documents.length === 0
          ? 'empty'
          : 'no document has apiVersion and kind: not a catalog file',
    });
    return;
  }
  const entities: SourcedEntity[] = [];
  const locations: SkippedLocation[] = [];
  for (const document of yaml.documents) {
    const value = documentValue(yaml, document);
    if (value === null || value === undefined) {
      continue; // an empty document, e.g. a trailing `---`: the catalog ignores it too
    }
    const line = documentLine(yaml, document);
    const problem = entityProblem(value);
    if (problem) {
      throw new LintInputError(problem, file, line);
    }
    const entity = value as unknown as Entity;
    if (entity.kind.trim().toLowerCase() === 'location') {
      locations.push({ file, line, name: entity.metadata.name });
    } else {
      const source = { file, line };
      entities.push(context ? { entity, source, context } : { entity, source });
    }
  }
  if (explicit && entities.length === 0 && locations.length === 0) {
    throw new LintInputError(
      'no YAML document in it: expected catalog entities',
      file,
    );
  }
  (context ? result.contextFiles : result.files).push(file);
  result.entities.push(...entities);
  result.skippedLocations.push(...locations);
}

/**
 * Reads catalog entities from YAML files and folders (walked recursively for
 * `*.yaml` and `*.yml`, skipping `node_modules` and hidden folders).
 *
 * Every document of a named file must be an entity. A file found in a folder
 * is skipped when none of its documents has `apiVersion` and `kind` (an
 * OpenAPI definition, a CI workflow...), but once it looks like a catalog
 * file every document must be an entity. `kind: Location` documents are
 * recorded and not followed. Placeholders like `$text` are kept as written.
 *
 * `options.context` paths are read the same way, after the paths.
 *
 * Never throws for bad input: each unusable path or file gives one
 * LintInputError in `errors`.
 */
export function readCatalogFiles(
  paths: readonly string[],
  options: ReadCatalogOptions = {},
): CatalogFiles {
  const reader = options.reader ?? nodeFileReader;
  const result: CatalogFiles = {
    files: [],
    contextFiles: [],
    entities: [],
    skippedFiles: [],
    skippedLocations: [],
    errors: [],
  };
  const candidates = collectCandidates(
    paths,
    options.context ?? [],
    reader,
    result,
  );
  for (const candidate of candidates) {
    try {
      readFile(candidate, reader, options, result);
    } catch (error) {
      result.errors.push(
        error instanceof LintInputError
          ? error
          : new LintInputError(
              `cannot read it (${errorMessage(error)})`,
              candidate.file,
            ),
      );
    }
  }
  return result;
}
