/**
 * The microservices-lint command: scores the services of Backstage catalog
 * YAML files against the microservice principles.
 *
 * @packageDocumentation
 */
import { runLintWithCatalogValidation } from './runLint';

/** Runs the command with `process.argv` and sets the exit code. */
async function main() {
  // `microservices-lint ... | head` closes stdout early: not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.exitCode = 2;
    });
  }
  const result = await runLintWithCatalogValidation(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

main().catch(() => {
  process.exitCode = 2;
});
