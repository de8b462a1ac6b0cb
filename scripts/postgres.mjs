// Starts a throwaway PostgreSQL server on 127.0.0.1 for the storage tests, and stops it.
// Uses the server binaries of the machine (PATH or /usr/lib/postgresql/<version>/bin).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBinDir() {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = path.join(root, v, 'bin');
      if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
    }
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * @returns {Promise<{connectionString: string, port: number, halt: () => void, resume: () => void, stop: () => void} | undefined>}
 *   undefined when no PostgreSQL server binaries are installed.
 */
export async function startPostgres() {
  const binDir = findBinDir();
  if (!binDir) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microservices-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  // initdb refuses to run as root: run the server as the unprivileged postgres user then.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const full = path.join(binDir, cmd);
    if (asRoot) {
      execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    } else {
      execFileSync(full, args, { stdio: 'pipe' });
    }
  };
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  fs.chmodSync(dir, 0o755);
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D', dataDir,
    '-l', path.join(dir, 'server.log'),
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-w', 'start',
  ]);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}`,
    port,
    /** Stops the server (fast shutdown: clients are disconnected), keeping its data. */
    halt: () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    /** Starts it again after halt(), on the same port and data. */
    resume: () =>
      run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', 'start']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
