/*
 * The real command, in a child process: the bin script, the TypeScript
 * transform and the exit code.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PACKAGE_DIR = path.resolve(__dirname, '..');

describe('bin/microservices-lint', () => {
  it('lints the demo landscape: exit code 1 and JSON on stdout', () => {
    const child = spawnSync(
      process.execPath,
      ['bin/microservices-lint', '--format', 'json', '../../examples'],
      { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 55_000 },
    );
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    const output = JSON.parse(child.stdout);
    expect(output.services).toHaveLength(39);
    expect(output.services[0]).toEqual(
      expect.objectContaining({
        entityRef: expect.stringMatching(/^component:default\//),
        score: expect.any(Number),
        level: expect.any(String),
        checks: expect.any(Array),
      }),
    );
  }, 60_000);
});
