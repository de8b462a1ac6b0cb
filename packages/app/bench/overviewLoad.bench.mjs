/* eslint-disable no-console */
// Section 5 of `npm run bench`: how soon the services overview shows its first rows in headless
// Chromium with N services in the backend (10,000; --quick 500), next to Backstage's own
// catalog page filtered to services, in the same app and backend. The catalog is the synthetic
// landscape of createSyntheticLandscape on PostgreSQL (restored from the ingested-catalog cache,
// bench-results/.catalog-cache). Each page is loaded once
// to warm up (reported as "first load") and then several times, alternating; time is from
// navigation to the first service name visible, app boot included. Prints a table and writes
// bench-results/overview.json; asserts nothing.
// Run: npm run bench:overview [-- --quick]
import fs from 'node:fs';
import path from 'node:path';
import {
  buildApp,
  launchBrowser,
  openSignedIn,
  repoRoot,
  screenshot,
  startBackstage,
} from '../e2e-tests/harness.mjs';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the bench helpers of packages/bench (private, not a dependency)
import {
  loadAverageText,
  machine,
  round,
  summarize,
  writeSection,
} from '../../bench/lib/benchSection.mjs';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { ingestedSyntheticCatalog } from '../../bench/lib/syntheticCatalog.mjs';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the repository's throwaway PostgreSQL server
import { startPostgres } from '../../../scripts/postgres.mjs';

const quick = process.argv.includes('--quick');
const services = Number(process.env.BENCH_SERVICES ?? (quick ? 500 : 10_000));
const runs = quick ? 3 : 7;
const SERVICE_NAME = /^service-\d+$/;

/** The first row of a page's table that links to a service: the same test on both pages. */
const firstServiceRow = page =>
  page.locator('table tbody').getByRole('link', { name: SERVICE_NAME }).first();

const PAGES = [
  { name: 'services overview', route: '/microservices' },
  {
    name: 'Backstage catalog page, services',
    // Kind and type as the page's own pickers write them; "all" instead of the default "owned".
    route:
      '/catalog?filters%5Bkind%5D=component&filters%5Btype%5D=service&filters%5Buser%5D=all',
  },
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs,
    );
  }
  return newest;
}

/** Builds the app unless its bundle is newer than the app's and the frontend plugin's sources. */
function ensureAppBuilt() {
  const built = path.join(repoRoot, 'packages/app/dist/index.html');
  const sources = [
    'packages/app/src',
    'packages/app/package.json',
    'plugins/microservices/src',
  ].map(p => path.join(repoRoot, p));
  const newest = Math.max(
    ...sources.map(p =>
      fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs,
    ),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest) return false;
  buildApp();
  return true;
}

let signInsDuringLoads = 0;

async function timeFirstRows(page, baseUrl, { route }) {
  const started = Date.now();
  await page.goto(`${baseUrl}${route}`);
  try {
    // When the app shows its sign-in page again on a fresh load, enter as guest (counted).
    const enter = page.getByRole('button', { name: /enter/i });
    await firstServiceRow(page)
      .or(enter)
      .first()
      .waitFor({ state: 'visible', timeout: 180_000 });
    if (await enter.isVisible()) {
      signInsDuringLoads++;
      await enter.click();
      await firstServiceRow(page).waitFor({
        state: 'visible',
        timeout: 180_000,
      });
    }
  } catch (e) {
    await screenshot(page, `bench-failed-${route.split(/[/?]/)[1]}`);
    throw e;
  }
  return Date.now() - started;
}

console.log(`overview: ${services} services; load ${loadAverageText()}`);
let pg;
let backstage;
let browser;
let cleaned = false;
const cleanUp = async () => {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => {});
  backstage?.stop();
  pg?.stop();
};
process.once('SIGTERM', () => cleanUp().finally(() => process.exit(143)));
try {
  const built = ensureAppBuilt();
  pg = await startPostgres();
  if (!pg) {
    throw new Error(
      'No PostgreSQL server binaries (apt-get install postgresql)',
    );
  }
  const catalog = await ingestedSyntheticCatalog({ services, pg });
  const ingestionNote =
    catalog.ingestedInMs === undefined
      ? `the ingested catalog restored from bench-results/.catalog-cache`
      : `the catalog ingested in ${(catalog.ingestedInMs / 1000).toFixed(
          0,
        )} s (then kept in bench-results/.catalog-cache)`;
  console.log(`${catalog.entities} entities: ${ingestionNote}`);
  // Every plugin's database on that server, the catalog's restored from the cache. Through
  // the environment: the harness writes the backend section of its config itself.
  process.env.APP_CONFIG_backend_database = JSON.stringify({
    client: 'pg',
    connection: pg.connectionString,
  });
  const started = Date.now();
  backstage = await startBackstage({
    extraConfig: [
      'catalog:',
      '  locations:',
      // The files the cached catalog was ingested from (locations are part of its data).
      ...catalog.catalogFiles.map(
        f => `    - { type: file, target: ${JSON.stringify(f)} }`,
      ),
      '  processingInterval: { days: 30 }',
      // Evaluation and health rounds only when asked: they would run during the page loads.
      'microservices:',
      '  schedule: { frequency: { hours: 24 }, initialDelay: { hours: 1 }, timeout: { minutes: 20 } }',
      '  health: { schedule: { frequency: { hours: 24 }, initialDelay: { hours: 1 } } }',
    ].join('\n'),
    ingestTimeoutMs: (quick ? 10 : 40) * 60_000,
  });
  const readyAndEvaluatedMs = Date.now() - started;
  console.log(
    `backend ready in ${
      backstage.readyMs
    } ms; catalog served and services evaluated after ${(
      readyAndEvaluatedMs / 1000
    ).toFixed(0)} s`,
  );

  browser = await launchBrowser();
  const page = await openSignedIn(
    browser,
    `${backstage.baseUrl}/microservices`,
  );
  const firstLoad = [];
  for (const p of PAGES) {
    firstLoad.push(await timeFirstRows(page, backstage.baseUrl, p));
    await screenshot(
      page,
      `bench-${p.route.split(/[/?]/)[1]}-${services}-services`,
    );
  }
  const times = PAGES.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < PAGES.length; i++)
      times[i].push(await timeFirstRows(page, backstage.baseUrl, PAGES[i]));
  }
  const stats = times.map(summarize);
  for (let i = 0; i < PAGES.length; i++) {
    console.log(
      `${PAGES[i].name}: first load ${firstLoad[i]} ms; ${times[i].join(
        ', ',
      )} ms`,
    );
  }
  const ratio = round(stats[1].p50 / stats[0].p50, 1);
  writeSection({
    section: 'overview',
    title: `Time to first rows in headless Chromium: ${services.toLocaleString(
      'en-US',
    )} services (${catalog.entities.toLocaleString('en-US')} entities)`,
    columns: [
      'page',
      'first load ms',
      'median ms',
      'p95 ms',
      'min ms',
      'max ms',
      'runs',
      '× the overview',
    ],
    rows: PAGES.map((p, i) => [
      `${p.name} (${p.route.split('?')[0]})`,
      firstLoad[i],
      stats[i].p50,
      stats[i].p95,
      stats[i].min,
      stats[i].max,
      runs,
      round(stats[i].p50 / stats[0].p50, 1),
    ]),
    notes: [
      `the catalog page takes ${ratio}× as long as the overview to show its first rows (medians; goal: overview under 1 s and at least 5× sooner)`,
      `navigation to the first service name visible, app boot included, one signed-in browser profile; "first load" is each page's first visit (not in the median), then ${runs} loads of each, alternating`,
      `the app showed its guest sign-in page again on ${signInsDuringLoads} of ${
        2 * (runs + 1)
      } loads (the click on Enter is then part of the time)`,
      `the app and backend of packages/ (development mode, the app served by the backend; PostgreSQL, the catalog's database restored from the ingested one); catalog page: ${PAGES[1].route}`,
      `${ingestionNote}; catalog served and services evaluated ${(
        readyAndEvaluatedMs / 1000
      ).toFixed(0)} s after the backend started (not timed)${
        built ? '; the app was built first' : ''
      }; load average ${loadAverageText()}`,
    ],
    data: {
      measuredAt: new Date().toISOString(),
      machine: machine(),
      services,
      entities: catalog.entities,
      ingestedMs: catalog.ingestedInMs ?? null,
      readyAndEvaluatedMs,
      signInsDuringLoads,
      pages: PAGES.map((p, i) => ({
        name: p.name,
        route: p.route,
        firstLoadMs: firstLoad[i],
        timesMs: times[i],
        ...stats[i],
      })),
    },
  });
} finally {
  await cleanUp();
}
