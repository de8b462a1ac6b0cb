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
  if (result.stdoutChunks) {
    await writeChunks(process.stdout, result.stdoutChunks());
  } else if (result.stdout) {
    process.stdout.write(result.stdout);
  }
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

/** Writes pieces of output in blocks of about 1 MB, waiting whenever the stream is full. */
async function writeChunks(
  stream: NodeJS.WriteStream,
  chunks: Iterable<string>,
) {
  let block = '';
  for (const chunk of chunks) {
    // The reader went away (`| head`): nothing more to write.
    if (stream.destroyed || stream.writableEnded) return;
    block += chunk;
    if (block.length >= 1 << 20) {
      const full = !stream.write(block);
      block = '';
      if (full) {
        await new Promise(resolve => {
          stream.once('drain', resolve);
          stream.once('error', resolve);
          stream.once('close', resolve);
        });
      }
    }
  }
  if (block && !stream.destroyed) stream.write(block);
}

main().catch(() => {
  process.exitCode = 2;
});
