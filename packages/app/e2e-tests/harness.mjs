/* eslint-disable no-console */
// Starts the real backend (SQLite in memory, the demo landscape) serving the built app on a
// free port, and a headless Debian Chromium driven by playwright-core. Everything stops by
// itself: every wait is bounded.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
/**
 * The app packages the backend can serve: the new frontend system app (the default) and the
 * legacy one. Each is `packages/<name>` with that package name.
 */
export const APPS = ['app', 'app-legacy'];
const backendDir = path.join(repoRoot, 'packages/backend');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  return [process.env.CHROMIUM_PATH, ...CHROMIUM_PATHS].find(
    p => p && fs.existsSync(p),
  );
}

/**
 * Why the browser tests of a file are skipped, or `false`: they need Chromium, and with
 * MICROSERVICES_REQUIRE_ALL_TESTS=1 (CI) nothing is skipped, so a missing Chromium fails.
 */
export function skipWithoutChromium(what = 'end-to-end tests') {
  const required = process.env.MICROSERVICES_REQUIRE_ALL_TESTS === '1';
  const skip =
    !findChromium() && !required
      ? 'Chromium is not installed (apt-get install chromium)'
      : false;
  // eslint-disable-next-line no-console
  if (skip) console.warn(`Skipping ${what}: ${skip}`);
  return skip;
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

async function waitFor(what, probe, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${
      last ? `: ${last.message}` : ''
    }`,
  );
}

function checkApp(app) {
  if (!APPS.includes(app))
    throw new Error(`Unknown app '${app}': one of ${APPS.join(', ')}`);
}

/**
 * Builds the app bundle that the backend serves (app-backend): `app` (default) or `app-legacy`.
 * Skipped when MICROSERVICES_E2E_BUILT_APPS (comma-separated) names it: `npm test` builds each
 * app once before the end-to-end files.
 */
export function buildApp({ app = 'app' } = {}) {
  checkApp(app);
  const built = (process.env.MICROSERVICES_E2E_BUILT_APPS ?? '').split(',');
  if (
    built.includes(app) &&
    fs.existsSync(path.join(repoRoot, 'packages', app, 'dist/index.html'))
  ) {
    return;
  }
  const result = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(repoRoot, 'packages', app),
    stdio: 'inherit',
    env: { ...process.env, CI: 'true' },
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) throw new Error(`Build of ${app} failed`);
}

/**
 * Starts the backend on a free port; resolves once the catalog's services are evaluated.
 * `extraConfig` (YAML) is appended to the test config, e.g. to load another catalog. `app` is
 * the app package it serves (`app.packageName` of app-backend): `app` (default) or `app-legacy`.
 */
export async function startBackstage({
  extraConfig = '',
  ingestTimeoutMs = 120_000,
  app = 'app',
} = {}) {
  checkApp(app);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const configFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'ms-e2e-')),
    'app-config.e2e.yaml',
  );
  fs.writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      `  packageName: ${app}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      '  cors:',
      `    origin: ${baseUrl}`,
      extraConfig,
      '',
    ].join('\n'),
  );
  const startedAt = Date.now();
  // Plain node with Backstage's TypeScript transform: `backstage-cli package start` would
  // restart the backend whenever a file in the repository changes.
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    await waitFor(
      'the backend to be ready',
      async () => {
        if (child.exitCode !== null)
          throw new Error(`backend exited:\n${output.slice(-3000)}`);
        return (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok;
      },
      180_000,
    );
    const readyMs = Date.now() - startedAt;
    const token = await guestToken(baseUrl);
    const auth = { Authorization: `Bearer ${token}` };
    // The catalog ingests the demo landscape in the background: wait until its service
    // count stops changing, then evaluate on demand so the test does not depend on timing.
    let previous = -1;
    const catalogCount = await waitFor(
      'the catalog to ingest the demo landscape',
      async () => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=1`,
          { headers: auth },
        );
        const { totalItems } = await res.json();
        const stable = totalItems > 0 && totalItems === previous;
        previous = totalItems;
        return stable ? totalItems : undefined;
      },
      ingestTimeoutMs,
      3_000,
    );
    const evaluated = await fetch(`${baseUrl}/api/microservices/evaluate`, {
      method: 'POST',
      headers: auth,
    });
    if (!evaluated.ok)
      throw new Error(
        `POST /evaluate answered ${
          evaluated.status
        }: ${await evaluated.text()}`,
      );
    const { serviceCount } = await evaluated.json();
    if (serviceCount !== catalogCount) {
      throw new Error(
        `evaluated ${serviceCount} services, the catalog has ${catalogCount}`,
      );
    }
    return {
      baseUrl,
      token,
      readyMs,
      pid: child.pid,
      stop,
      output: () => output,
    };
  } catch (e) {
    stop();
    throw e;
  }
}

export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found (apt-get install chromium)');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return context;
}

/** Opens a page of the app, signing in as guest when the sign-in page shows. */
export async function openSignedIn(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  const enter = page.getByRole('button', { name: /enter/i });
  // The sidebar is in the DOM once signed in (Playwright does not count it as visible).
  await enter
    .or(page.getByTestId('sidebar-root'))
    .first()
    .waitFor({ state: 'attached' });
  if (await enter.isVisible()) {
    await enter.click();
  }
  return page;
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}
