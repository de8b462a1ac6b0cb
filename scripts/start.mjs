// `npm start`: the app and the backend in development mode, and the address to open
// once both answer. `repo start` picks packages/app (the new frontend system app) among the two
// frontend packages; `npm start -- app-legacy backend` starts the legacy one instead.
import { spawn } from 'node:child_process';

const APP_URL = 'http://localhost:3000';
const BACKEND_READY = 'http://localhost:7007/.backstage/health/v1/readiness';

const child = spawn(
  'npx',
  ['backstage-cli', 'repo', 'start', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 0));

const startedAt = Date.now();
async function ok(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
const timer = setInterval(async () => {
  if ((await ok(BACKEND_READY)) && (await ok(APP_URL))) {
    clearInterval(timer);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `\n  Backstage with the Microservices plugin is ready after ${seconds} s.`,
    );
    console.log(`  Open ${APP_URL}/microservices (guest sign-in).`);
    if (!process.argv.includes('app-legacy')) {
      console.log(
        '  (The legacy frontend system app: npm start -- app-legacy backend)',
      );
    }
    console.log('');
  }
}, 1000);
timer.unref();
