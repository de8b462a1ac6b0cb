import { parseArgs } from 'node:util';
import { errorMessage } from './errorMessage';

export type OutputFormat = 'text' | 'json';

export interface LintArgs {
  help: boolean;
  format: OutputFormat;
  /** A service scoring below it fails; undefined: a service fails when it has a failing check. */
  failUnder?: number;
  /** An app-config file whose `microservices:` section configures the checks. */
  config?: string;
  /** Files and folders to read and lint. */
  paths: string[];
  /** Files and folders read into the graph only (`--context`): their services are not linted. */
  contextPaths: string[];
}

/** Wrong command line: exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: microservices-lint [options] <file or folder>...

Scores every service (a Component with spec.type: service) in Backstage catalog
YAML files against the microservice principles, with the same checks, weights
and levels as the Microservices plugin.

Files may hold several YAML documents. Folders are walked recursively for
*.yaml and *.yml files (node_modules and hidden folders are not entered); a YAML
file found in a folder that holds no entity (no document with apiVersion and
kind, e.g. an OpenAPI definition) is skipped. Every document of a file named on
the command line must be an entity. All entities given, --context ones
included, make up the graph that references and graph-wide checks (dependency
cycles, shared datastores, blast radius) look at: pass the files of the
services' systems, groups, APIs and resources with --context.
kind: Location documents are skipped: their targets are NOT followed, name the
files or folders instead. $text, $json and $yaml placeholders are not resolved.

Options:
  --format text|json   output for people (default) or for machines
  --fail-under N       fail when a service scores below N (0-100); without it a
                       service fails when it has a failing check (status fail
                       or error, weight above 0)
  --context PATH       read a file or folder into the graph only: its services
                       are not scored or reported and do not change the exit
                       code; repeatable. A ref defined in a <file or folder>
                       too is evaluated from there
  --config FILE        read the checks' configuration from the microservices:
                       section of an app-config YAML file (weights, thresholds,
                       levels, annotation lists, exemptions)
  -h, --help           show this help

Exit codes:
  0  every service passes the bar
  1  at least one service fails the bar
  2  unusable input or command line: a missing file, malformed YAML, a document
     that is not an entity, a file above 10 MB, an invalid --config, no services
     found (in the <file or folder> paths; --context ones do not count), no
     <file or folder>, an unknown option
`;

function parseFailUnder(text: string): number {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > 100
  ) {
    throw new UsageError(
      `--fail-under expects a score from 0 to 100, got "${text}"`,
    );
  }
  return value;
}

/** Reads the command line (without `node` and the script). Throws UsageError. */
export function parseLintArgs(argv: readonly string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-under': { type: 'string' },
        config: { type: 'string', multiple: true },
        context: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's messages go on with advice on `--`; the first sentence is enough.
    const message = errorMessage(error);
    throw new UsageError(message.split('\n')[0].split('. To specify')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { help: true, format: 'text', paths: [], contextPaths: [] };
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format expects text or json, got "${format}"`);
  }
  if (values.config && values.config.length > 1) {
    throw new UsageError('--config may be given once');
  }
  const config = values.config?.[0];
  if (config !== undefined && config.trim() === '') {
    throw new UsageError('--config expects a file');
  }
  const contextPaths = values.context ?? [];
  if (contextPaths.some(given => given.trim() === '')) {
    throw new UsageError('--context expects a file or folder');
  }
  if (positionals.length === 0) {
    throw new UsageError(
      contextPaths.length > 0
        ? 'no file or folder to lint given (--context ones are not linted)'
        : 'no file or folder given',
    );
  }
  return {
    help: false,
    format,
    failUnder:
      values['fail-under'] === undefined
        ? undefined
        : parseFailUnder(values['fail-under']),
    config,
    paths: positionals,
    contextPaths,
  };
}
