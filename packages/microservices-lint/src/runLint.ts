import {
  catalogEntityProblem,
  defaultEngineConfig,
  EngineConfig,
  evaluateCatalog,
} from '@microservices-backstage/plugin-microservices-common';
import { createLintReport } from './createLintReport';
import { FileReader, nodeFileReader } from './FileReader';
import { formatJsonChunks } from './formatJson';
import { formatText } from './formatText';
import { LintInputError } from './LintInputError';
import { LintArgs, parseLintArgs, USAGE, UsageError } from './parseLintArgs';
import { readCatalogFiles } from './readCatalogFiles';
import { readEngineConfig } from './readEngineConfig';
import { errorMessage } from './errorMessage';

export interface RunLintOptions {
  /** The file system; the real one by default. */
  reader?: FileReader;
  /** The evaluation's instant (waiver expiry); the current time by default. */
  now?: Date;
  /** Files above it are refused unread; 10 MB by default. */
  maxFileBytes?: number;
  /**
   * Why the catalog would refuse an entity, by `file:line` of its document (see
   * runLintWithCatalogValidation); reported as warnings.
   */
  catalogProblems?: ReadonlyMap<string, string>;
}

export interface LintResult {
  /** What to print; for `--format json`, joined from `stdoutChunks` when read. */
  stdout: string;
  /**
   * The output in pieces (`--format json`): a report too large for one string (tens of
   * thousands of services) is written piece by piece.
   */
  stdoutChunks?: () => Iterable<string>;
  stderr: string;
  /** 0: every service passes; 1: a service fails; 2: unusable input or command line. */
  exitCode: 0 | 1 | 2;
}

const PROGRAM = 'microservices-lint';

const count = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

const inputError = (messages: string[]): LintResult => ({
  stdout: '',
  stderr: messages.map(message => `${message}\n`).join(''),
  exitCode: 2,
});

/**
 * The files a folder walk could not or would not read, named with why (unreadable, a link
 * out of the folder...); YAML that is simply not a catalog file is not worth naming here.
 */
function skippedNote(
  all: ReadonlyArray<{ file: string; reason: string }>,
): string {
  const skipped = all.filter(
    ({ reason }) =>
      reason !== 'empty' && !reason.startsWith('no document has apiVersion'),
  );
  if (skipped.length === 0) return '';
  const shown = skipped
    .slice(0, 10)
    .map(({ file, reason }) => `${file} (${reason})`);
  const more = skipped.length > 10 ? `, and ${skipped.length - 10} more` : '';
  return `; skipped ${count(skipped.length, 'file')}: ${shown.join(
    ', ',
  )}${more}`;
}

function lint(args: LintArgs, options: RunLintOptions): LintResult {
  const reader = options.reader ?? nodeFileReader;
  const { maxFileBytes } = options;
  let config: EngineConfig = defaultEngineConfig;
  const notes: string[] = [];
  if (args.config !== undefined) {
    const read = readEngineConfig(args.config, reader, { maxFileBytes });
    config = read.config;
    if (!read.hasSection) {
      notes.push(
        `${args.config} has no microservices: section: the default configuration applies.`,
      );
    }
  }

  const catalog = readCatalogFiles(args.paths, {
    context: args.contextPaths,
    reader,
    maxFileBytes,
  });
  if (catalog.errors.length > 0) {
    return inputError(catalog.errors.map(error => error.message));
  }
  const evaluation = evaluateCatalog(
    catalog.entities.map(({ entity }) => entity),
    config,
    { now: options.now },
  );
  const report = createLintReport(catalog, evaluation, {
    catalogProblems: options.catalogProblems,
    failUnder: args.failUnder,
    configFile: args.config,
    notes,
  });
  if (report.services.length === 0) {
    // Only the paths count: the context paths are not linted.
    const files = new Set(catalog.files);
    const entities = catalog.entities.filter(({ context }) => !context).length;
    const locations = catalog.skippedLocations.filter(({ file }) =>
      files.has(file),
    ).length;
    return inputError([
      `${PROGRAM}: no services found in ${args.paths.join(', ')}: ` +
        `${count(entities, 'entity', 'entities')} in ${count(
          catalog.files.length,
          'file',
        )}${
          locations > 0
            ? `, and ${count(
                locations,
                'Location',
              )} whose targets are not followed (name the files or folders instead)`
            : ''
        }${skippedNote(
          catalog.skippedFiles,
        )}. A service is a Component with spec.type: service. ` +
        `Linting nothing is usually a mistake, so this is an error.`,
    ]);
  }
  const exitCode = report.passed ? 0 : 1;
  if (args.format === 'json') {
    const chunks = () => formatJsonChunks(report);
    const result: LintResult = {
      get stdout() {
        return [...chunks()].join('');
      },
      stderr: '',
      exitCode,
    };
    // Not enumerable: results compare (and print) by what they say, not by this function.
    return Object.defineProperty(result, 'stdoutChunks', {
      value: chunks,
      enumerable: false,
    });
  }
  return { stdout: formatText(report), stderr: '', exitCode };
}

/**
 * The whole command, without a process: takes the arguments (after the
 * program name) and returns what to print and the exit code. Never throws.
 */
export function runLint(
  argv: readonly string[],
  options: RunLintOptions = {},
): LintResult {
  let args: LintArgs;
  try {
    args = parseLintArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return {
        stdout: '',
        stderr: `${PROGRAM}: ${error.message}\n\n${USAGE}`,
        exitCode: 2,
      };
    }
    throw error;
  }
  if (args.help) {
    return { stdout: USAGE, stderr: '', exitCode: 0 };
  }
  try {
    return lint(args, options);
  } catch (error) {
    if (error instanceof LintInputError) {
      return inputError([error.message]);
    }
    // A bug, or input so odd that the engine tripped: still no stack trace.
    return inputError([`${PROGRAM}: internal error: ${errorMessage(error)}`]);
  }
}

/**
 * runLint, plus the catalog's own validation of every linted entity
 * (`@backstage/catalog-model`'s policies and kind validators, as the validation API
 * applies them): an entity the catalog would refuse (an invalid name, a wrong
 * apiVersion...) gets a warning in the catalog's words. The validators are
 * asynchronous, so the files are read once more beforehand. Never throws.
 */
export async function runLintWithCatalogValidation(
  argv: readonly string[],
  options: RunLintOptions = {},
): Promise<LintResult> {
  const catalogProblems = new Map<string, string>();
  try {
    const args = parseLintArgs(argv);
    if (!args.help) {
      const catalog = readCatalogFiles(args.paths, {
        context: args.contextPaths,
        reader: options.reader ?? nodeFileReader,
        maxFileBytes: options.maxFileBytes,
      });
      for (const { entity, source, context } of catalog.entities) {
        if (context) continue;
        const problem = await catalogEntityProblem(entity);
        if (problem)
          catalogProblems.set(`${source.file}:${source.line}`, problem);
      }
    }
  } catch {
    // runLint reports unusable arguments and input.
  }
  return runLint(argv, { ...options, catalogProblems });
}
