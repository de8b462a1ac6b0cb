/**
 * Input the linter cannot use: a missing file, malformed YAML, a document
 * that is not an entity, an invalid configuration... Its message starts
 * with `file:line: ` (or `file: ` when no line applies), the form editors
 * and CI log viewers link to the source.
 */
export class LintInputError extends Error {
  /** The file as the user named it (or as found in a named folder). */
  readonly file?: string;
  /** 1-based line in the file, when the problem has one. */
  readonly line?: number;
  /** The problem without the location. */
  readonly problem: string;

  constructor(problem: string, file?: string, line?: number) {
    let location = '';
    if (file !== undefined) {
      location = line !== undefined ? `${file}:${line}: ` : `${file}: `;
    }
    super(`${location}${problem}`);
    this.name = 'LintInputError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
