/* eslint-disable no-console */
// The adoption proof: the plugin's packages, built and packed as they would be published,
// added to a Backstage app that @backstage/create-app has just created, by exactly the steps
// of the README's "Add the plugin to an existing Backstage app" section; then the app is built,
// the backend serves it with the demo landscape, and headless Chromium checks the services
// overview and a service's entity page. Bounded in time; stops everything it started; prints
// how long each step took; exits non-zero with the reason on failure.
//
//   npm run test:fresh-app   (FRESH_APP_KEEP=1 keeps the app folder for a look)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  applySourceSteps,
  installScript,
  readAdoptionSteps,
} from './lib/adoptionSteps.mjs';
import { freePort, waitFor } from './lib/backend.mjs';
import {
  adaptForNpm,
  backstageDependencies,
  run,
  templateApp,
} from './lib/freshApp.mjs';
import { PLUGIN_PACKAGES, packPlugins } from './lib/packPlugins.mjs';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const CREATE_APP_VERSION = '0.9.2';
const RELEASE_FILE =
  process.env.BACKSTAGE_RELEASE_FILE ??
  '/work/shared/backstage-release-1.55.0.json';
const TIMEOUT_MS = Number(process.env.FRESH_APP_TIMEOUT_MIN ?? 40) * 60_000;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p =>
  fs.existsSync(p),
);
const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
const MIN = 60_000;

// FRESH_APP_REUSE=<dir>: a kept run's folder whose app/ is installed and untouched and whose
// packages/ has the tarballs; steps 1 to 3 are skipped (for working on the later steps).
const reuse = process.env.FRESH_APP_REUSE;
const workDir =
  reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ms-fresh-app-'));
const appDir = path.join(workDir, 'app');
const tarballDir = path.join(workDir, 'packages');
const logFile = path.join(workDir, 'commands.log');

/** Stop functions of what runs now (commands, backend, browser). */
const running = new Set();
const track = stop => {
  running.add(stop);
  return () => running.delete(stop);
};
function stopAll() {
  for (const stop of [...running].reverse()) {
    try {
      stop();
    } catch {
      /* best effort */
    }
  }
  running.clear();
}

const timings = [];
async function step(name, fn) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    timings.push({ name, seconds });
    console.log(`  ${name}: ${seconds.toFixed(1)} s`);
  }
}

const sh = (command, args, cwd, timeoutMs, env = {}) =>
  run(command, args, { cwd, env, timeoutMs, logFile, track });

/** Every `@backstage/*` package of the release; create-app's own table fills what the file lacks. */
function releaseVersions(createAppVersions) {
  const release = JSON.parse(fs.readFileSync(RELEASE_FILE, 'utf8'));
  const versions = {};
  for (const table of [createAppVersions, release.packages]) {
    for (const [name, version] of Object.entries(table)) {
      // `$name` entries refer to a root dependency of the repository the file was made for.
      if (name.startsWith('@backstage/') && !version.startsWith('$'))
        versions[name] = version;
    }
  }
  for (const [name, version] of Object.entries(createAppVersions)) {
    if (versions[name] !== version && name.startsWith('@backstage/')) {
      throw new Error(
        `create-app ${CREATE_APP_VERSION} wants ${name}@${version}, ${RELEASE_FILE} says ${versions[name]}`,
      );
    }
  }
  return versions;
}

function startBackend(port, configFile) {
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
      cwd: path.join(appDir, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: [
        'ignore',
        fs.openSync(path.join(workDir, 'backend.log'), 'a'),
        fs.openSync(path.join(workDir, 'backend.log'), 'a'),
      ],
      detached: true,
    },
  );
  track(() => process.kill(-child.pid, 'SIGTERM'));
  return child;
}

async function api(baseUrl, token, route, init = {}) {
  const res = await fetch(`${baseUrl}${route}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${route}: ${res.status} ${(
        await res.text()
      ).slice(0, 200)}`,
    );
  return res.json();
}

async function main() {
  if (!CHROMIUM)
    throw new Error(
      'Chromium not found at /usr/bin/chromium (apt-get install chromium)',
    );
  console.log(`Working in ${workDir} (command output: ${logFile})`);
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const steps = readAdoptionSteps(readme);

  if (reuse)
    console.log(
      'Reusing packed packages and an installed app: steps 1 to 3 skipped',
    );
  await step('1. build and pack the plugin packages', async () => {
    if (reuse) return;
    await packPlugins({ destination: tarballDir, logFile, track });
    console.log(`  ${fs.readdirSync(tarballDir).join('\n  ')}`);
  });

  const versions = await step(
    `2. create an app with @backstage/create-app ${CREATE_APP_VERSION}`,
    async () => {
      const toolDir = path.join(workDir, 'create-app');
      if (reuse) {
        const require = createRequire(path.join(toolDir, 'node_modules/'));
        const table = require('@backstage/create-app/dist/lib/versions.cjs.js');
        return releaseVersions(table.packageVersions);
      }
      await sh(
        'npm',
        [
          'install',
          '--prefix',
          toolDir,
          `@backstage/create-app@${CREATE_APP_VERSION}`,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
        ],
        workDir,
        5 * MIN,
      );
      const { packageVersions } = await templateApp({
        toolDir,
        appDir,
        appName: 'fresh-app',
        logFile,
      });
      const release = releaseVersions(packageVersions);
      const unpinned = backstageDependencies(appDir).filter(
        name => !release[name],
      );
      if (unpinned.length)
        throw new Error(`No release version for ${unpinned.join(', ')}`);
      adaptForNpm(appDir, release);
      return release;
    },
  );

  await step('3. install the app with npm', async () => {
    if (reuse) return;
    await sh(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund'],
      appDir,
      20 * MIN,
    );
  });

  await step(
    "4. the README's adoption steps: packages, backend, frontend, config",
    async () => {
      await sh(
        'bash',
        ['-euo', 'pipefail', '-c', installScript(steps.install, tarballDir)],
        appDir,
        10 * MIN,
        {
          npm_config_prefer_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
        },
      );
      applySourceSteps(steps, appDir);
      // Installed from the tarballs, not linked from this repository, and on the release's versions.
      for (const name of PLUGIN_PACKAGES.filter(p => p.inApp).map(
        p => p.name,
      )) {
        const dir = path.join(appDir, 'node_modules', name);
        if (
          fs.lstatSync(dir).isSymbolicLink() ||
          fs.existsSync(path.join(dir, 'src'))
        ) {
          throw new Error(`${name} in the app is not the packed package`);
        }
      }
      const installed = JSON.parse(
        fs.readFileSync(
          path.join(
            appDir,
            'node_modules/@backstage/plugin-catalog-react/package.json',
          ),
          'utf8',
        ),
      );
      if (installed.version !== versions['@backstage/plugin-catalog-react']) {
        throw new Error(
          `the app got @backstage/plugin-catalog-react ${installed.version}, the release has ${versions['@backstage/plugin-catalog-react']}`,
        );
      }
    },
  );

  await step(
    '5. load the packages from the app (CommonJS, ESM resolution, ./testUtils, ./alpha)',
    () =>
      sh(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          [
            "import { createRequire } from 'node:module';",
            "const require = createRequire(process.cwd() + '/packages/backend/');",
            "const backend = require('@microservices-backstage/plugin-microservices-backend');",
            "if (backend.default?.$$type !== '@backstage/BackendFeature') throw new Error('backend: default export is not a BackendFeature');",
            "const node = require('@microservices-backstage/plugin-microservices-node');",
            "if (!node.microservicesChecksExtensionPoint) throw new Error('node: no microservicesChecksExtensionPoint');",
            "const common = await import('@microservices-backstage/plugin-microservices-common');",
            "if (typeof common.evaluateCatalog !== 'function') throw new Error('common (ESM): no evaluateCatalog');",
            "const testUtils = require('@microservices-backstage/plugin-microservices-common/testUtils');",
            "if (typeof testUtils.createSyntheticLandscape !== 'function') throw new Error('common/testUtils: no createSyntheticLandscape');",
            "for (const s of ['@microservices-backstage/plugin-microservices', '@microservices-backstage/plugin-microservices/alpha']) console.log(s, '->', import.meta.resolve(s));",
          ].join('\n'),
        ],
        appDir,
        MIN,
      ),
  );

  await step('6. build the app (backstage-cli package build)', () =>
    sh(
      'npx',
      ['backstage-cli', 'package', 'build'],
      path.join(appDir, 'packages/app'),
      10 * MIN,
    ),
  );

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const token = await step(
    '7. start the backend (production mode) with the demo landscape; score it',
    async () => {
      const configFile = path.join(workDir, 'app-config.fresh-app.yaml');
      fs.writeFileSync(
        configFile,
        [
          `app: { baseUrl: '${baseUrl}' }`,
          'backend:',
          `  baseUrl: ${baseUrl}`,
          `  listen: { port: ${port} }`,
          `  cors: { origin: '${baseUrl}' }`,
          'auth:',
          '  providers:',
          '    guest: { dangerouslyAllowOutsideDevelopment: true }',
          'catalog:',
          '  rules:',
          '    - allow: [Component, System, API, Resource, Location, Domain, Group, User, Template]',
          '  locations:',
          `    - { type: file, target: ${JSON.stringify(
            path.join(repoRoot, 'examples/all.yaml'),
          )} }`,
          '',
        ].join('\n'),
      );
      const child = startBackend(port, configFile);
      const guestToken = await waitFor(
        'the backend to answer guest sign-in',
        async () => {
          if (child.exitCode !== null)
            throw new Error(
              `backend exited with ${child.exitCode}; see ${workDir}/backend.log`,
            );
          const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          });
          return res.ok
            ? (await res.json()).backstageIdentity.token
            : undefined;
        },
        4 * MIN,
        1000,
      );
      const expected = await waitFor(
        'the catalog to read the demo landscape',
        async () => {
          const { totalItems } = await api(
            baseUrl,
            guestToken,
            '/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=1',
          );
          return totalItems >= 39 ? totalItems : undefined;
        },
        3 * MIN,
        2000,
      );
      await api(baseUrl, guestToken, '/api/microservices/evaluate', {
        method: 'POST',
      });
      await waitFor(
        `the plugin to score ${expected} services`,
        async () => {
          const list = await api(
            baseUrl,
            guestToken,
            '/api/microservices/services?limit=1',
          );
          return list.totalCount === expected ? list : undefined;
        },
        2 * MIN,
        2000,
      );
      console.log(`  ${expected} services in the catalog, all scored`);
      return guestToken;
    },
  );

  await step('8. check the app in headless Chromium', async () => {
    const payment = await api(
      baseUrl,
      token,
      '/api/microservices/services/default/payment-service',
    );
    const score = String(payment.score ?? payment.result?.score);
    const browserServer = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
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
    track(() => process.kill(browserServer.process().pid, 'SIGKILL'));
    const browser = await chromium.connect(browserServer.wsEndpoint());
    try {
      const page = await browser.newPage({
        viewport: { width: 1400, height: 900 },
      });
      page.setDefaultTimeout(60_000);
      fs.mkdirSync(screenshotDir, { recursive: true });
      // A fresh profile sees the guest sign-in page first (its Enter button), after each load.
      const open = async (route, ready) => {
        await page.goto(`${baseUrl}${route}`);
        const enter = page.getByRole('button', { name: /enter/i });
        await enter.or(ready).first().waitFor();
        if (await enter.isVisible()) await enter.click();
        await ready.first().waitFor();
      };
      await open(
        '/microservices',
        page.getByRole('heading', { name: /^Services \(\d+\)$/ }),
      );
      const title = page.getByRole('heading', { name: /^Services \(\d+\)$/ });
      await title.waitFor();
      const count = (await title.innerText()).match(/\d+/)[0];
      // A data row (the first row is the header) before the picture.
      await page.getByRole('row').nth(1).waitFor();
      await page.screenshot({
        path: path.join(screenshotDir, 'fresh-app-services.png'),
        fullPage: true,
      });
      if (count !== '39')
        throw new Error(`the overview says "Services (${count})", expected 39`);
      // The overview pages by 20: the search (in the URL) brings payment-service's row up.
      const row = page
        .getByRole('row')
        .filter({ hasText: 'payment-service' })
        .first();
      await open('/microservices?search=payment-service', row);
      const rowText = await row.innerText();
      if (!new RegExp(`\\b${score}\\b`).test(rowText))
        throw new Error(
          `payment-service's row lacks its score ${score}: ${rowText}`,
        );
      console.log(
        `  /microservices: Services (${count}); payment-service row: ${rowText.replace(
          /\s+/g,
          ' ',
        )}`,
      );

      const card = page
        .locator('.MuiCard-root', { hasText: 'Architecture compliance' })
        .first();
      await open('/catalog/default/component/payment-service', card);
      await page.screenshot({
        path: path.join(screenshotDir, 'fresh-app-entity.png'),
        fullPage: true,
      });
      // textContent: the score is also drawn in the gauge, whose text element is hidden.
      const cardText = await card.textContent();
      if (!new RegExp(`\\b${score}\\b`).test(cardText))
        throw new Error(
          `the compliance card lacks the score ${score}: ${cardText}`,
        );
      console.log(
        `  entity page of payment-service: the compliance card with score ${score}`,
      );
    } finally {
      await browser.close().catch(() => {});
      await browserServer.close().catch(() => {});
    }
  });
}

const timer = setTimeout(() => {
  console.error(
    `\nFAILED: the fresh-app check ran longer than ${
      TIMEOUT_MS / MIN
    } min; stopping everything (logs in ${workDir})`,
  );
  stopAll();
  process.exit(2);
}, TIMEOUT_MS);
timer.unref();

let failed;
try {
  await main();
} catch (error) {
  failed = error;
} finally {
  stopAll();
}
console.log('\nTime per step:');
for (const { name, seconds } of timings)
  console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
console.log(
  `  ${timings
    .reduce((sum, t) => sum + t.seconds, 0)
    .toFixed(1)
    .padStart(7)} s  total`,
);
if (failed) {
  console.error(
    `\nFAILED: ${failed.message}\n(logs: ${logFile}, ${path.join(
      workDir,
      'backend.log',
    )})`,
  );
  process.exit(1);
}
console.log(
  `\nOK: the packed plugin works in a fresh Backstage app (screenshots in ${path.relative(
    repoRoot,
    screenshotDir,
  )}/fresh-app-*.png)`,
);
if (process.env.FRESH_APP_KEEP || reuse) console.log(`Kept ${workDir}`);
else fs.rmSync(workDir, { recursive: true, force: true });
process.exit(0);
