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
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 7));
const profileDir = process.env.BENCH_CPU_PROFILE;
const SERVICE_NAME = /^service-\d+$/;

/**
 * Waits until the page has marked its first row (MARK_FIRST_ROWS, the same test on both pages)
 * or shows the guest sign-in page: 'row' or 'sign-in'. Polled every 100 ms with a cheap test,
 * not with Playwright's role locators: those are evaluated in the page on every animation
 * frame and compute the accessible name of every link, main-thread time taken from the page
 * being measured (most of it on the page with more links).
 */
const firstRowOrSignIn = page =>
  page
    .waitForFunction(
      () => {
        const marks = window.__benchMarks;
        if (marks?.firstRow !== undefined) return 'row';
        const signIn =
          marks?.sidebar === undefined &&
          [...document.querySelectorAll('button')].some(b =>
            /enter/i.test(b.textContent),
          );
        return signIn ? 'sign-in' : false;
      },
      null,
      { polling: 100, timeout: 180_000 },
    )
    .then(handle => handle.jsonValue());

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

/**
 * Runs in every page before the app's scripts: marks (performance.now(), from navigation
 * start) the animation frame in which the sidebar (the app shell every page pays) and the first
 * table row that links to a service are first laid out with a size, the same test on both pages.
 * Checked in the frame after a DOM change, so the mark is the frame that paints it.
 */
const MARK_FIRST_ROWS = `(() => {
  performance.setResourceTimingBufferSize(5000);
  const marks = (window.__benchMarks = {});
  const SERVICE = ${SERVICE_NAME};
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const now = performance.now();
    if (marks.sidebar === undefined) {
      // The sidebar's drawer (its root has no size: the drawer is fixed in place).
      const drawer = document.querySelector('[data-testid="sidebar-root"] > *');
      if (drawer && shown(drawer)) marks.sidebar = now;
    }
    if (marks.firstRow === undefined) {
      for (const a of document.querySelectorAll('table tbody a')) {
        if (SERVICE.test(a.textContent.trim()) && shown(a)) {
          marks.firstRow = now;
          break;
        }
      }
    }
    if (marks.sidebar !== undefined && marks.firstRow !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** What the page did until its first row: navigation timing, paints, marks and requests. */
const readTimeline = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(
    performance.getEntriesByType('paint').map(p => [p.name, p.startTime]),
  );
  const resources = performance.getEntriesByType('resource').map(r => ({
    url: r.name,
    type: r.initiatorType,
    start: r.startTime,
    responseStart: r.responseStart,
    end: r.responseEnd,
    transferred: r.transferSize,
    size: r.decodedBodySize,
  }));
  return {
    marks: window.__benchMarks,
    html: nav.responseEnd,
    domContentLoaded: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    firstContentfulPaint: paint['first-contentful-paint'],
    resources,
  };
};

/** Main-thread time of the renderer (CDP Performance metrics, cumulative per page). */
async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map(x => [x.name, x.value]));
  return {
    script: m.ScriptDuration * 1000,
    layout: (m.LayoutDuration + m.RecalcStyleDuration) * 1000,
    task: m.TaskDuration * 1000,
  };
}

/** One load of a page: its timeline up to the first service row. */
async function timeFirstRows(page, cdp, baseUrl, { route }) {
  const before = await mainThreadMetrics(cdp);
  const clientStarted = Date.now();
  await page.goto(`${baseUrl}${route}`);
  let signedIn = false;
  try {
    // When the app shows its sign-in page again on a fresh load, enter as guest (counted).
    if ((await firstRowOrSignIn(page)) === 'sign-in') {
      signInsDuringLoads++;
      signedIn = true;
      await page.getByRole('button', { name: /enter/i }).click();
      await firstRowOrSignIn(page);
    }
  } catch (e) {
    await screenshot(page, `bench-failed-${route.split(/[/?]/)[1]}`);
    throw e;
  }
  const clientMs = Date.now() - clientStarted;
  const timeline = await page.evaluate(readTimeline);
  const after = await mainThreadMetrics(cdp);
  // A navigation may get a new renderer process (the old page kept for back-forward cache):
  // then the counters start again from zero.
  const since = key =>
    Math.round(
      after[key] >= before[key] ? after[key] - before[key] : after[key],
    );
  return {
    firstRowMs: Math.round(timeline.marks.firstRow),
    sidebarMs: Math.round(timeline.marks.sidebar ?? NaN),
    clientMs,
    signedIn,
    mainThread: {
      script: since('script'),
      layout: since('layout'),
      task: since('task'),
    },
    ...timeline,
  };
}

/** Requests to the backend's APIs, by path, with their start and end from navigation start. */
function apiRequests(load) {
  return load.resources
    .filter(r => r.url.includes('/api/') && r.start <= load.firstRowMs)
    .map(r => ({
      path: new URL(r.url).pathname.replace(/^\/api/, ''),
      start: Math.round(r.start),
      end: Math.round(r.end),
      kB: round(r.size / 1024, 1),
    }));
}

/** The breakdown of one load as phases from navigation start (ms). */
function breakdown(load) {
  const scripts = load.resources.filter(
    r => r.type === 'script' && r.start <= load.firstRowMs,
  );
  const bundle = scripts.filter(r => r.start <= load.domContentLoaded);
  const lastEnd = list =>
    list.length ? Math.round(Math.max(...list.map(r => r.end))) : null;
  return {
    html: Math.round(load.html),
    entryScriptsLoaded: lastEnd(bundle),
    domContentLoaded: Math.round(load.domContentLoaded),
    firstContentfulPaint: Math.round(load.firstContentfulPaint ?? NaN),
    sidebar: load.sidebarMs,
    lastChunkLoaded: lastEnd(scripts),
    chunksBeforeFirstRow: scripts.length - bundle.length,
    firstRow: load.firstRowMs,
    requests: apiRequests(load),
    mainThread: load.mainThread,
  };
}

const median = values =>
  summarize(values.filter(v => v !== null && !Number.isNaN(v))).p50;

/** Medians of each phase over the loads of a page, and the API requests of its median load. */
function medianBreakdown(loads) {
  const phases = loads.map(breakdown);
  const keys = [
    'html',
    'entryScriptsLoaded',
    'domContentLoaded',
    'firstContentfulPaint',
    'sidebar',
    'lastChunkLoaded',
    'firstRow',
  ];
  const medianLoad = [...phases].sort((a, b) => a.firstRow - b.firstRow)[
    Math.floor((phases.length - 1) / 2)
  ];
  return {
    ...Object.fromEntries(keys.map(k => [k, median(phases.map(p => p[k]))])),
    mainThreadScript: median(phases.map(p => p.mainThread.script)),
    mainThreadLayout: median(phases.map(p => p.mainThread.layout)),
    mainThreadTask: median(phases.map(p => p.mainThread.task)),
    requestsOfMedianLoad: medianLoad.requests,
  };
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
  await browser.addInitScript(MARK_FIRST_ROWS);
  const page = await openSignedIn(
    browser,
    `${backstage.baseUrl}/microservices`,
  );
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Performance.enable');
  const firstLoads = [];
  for (const p of PAGES) {
    firstLoads.push(await timeFirstRows(page, cdp, backstage.baseUrl, p));
    await screenshot(
      page,
      `bench-${p.route.split(/[/?]/)[1]}-${services}-services`,
    );
  }
  const loads = PAGES.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < PAGES.length; i++) {
      // BENCH_CPU_PROFILE=<dir>: the renderer's CPU profile of each page's last load, for
      // Chrome DevTools (Performance > Load profile); the profiler slows the load it records.
      const profile = profileDir && r === runs - 1;
      if (profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      loads[i].push(
        await timeFirstRows(page, cdp, backstage.baseUrl, PAGES[i]),
      );
      if (profile) {
        const { profile: recorded } = await cdp.send('Profiler.stop');
        const file = path.join(
          profileDir,
          `${PAGES[i].route.split(/[/?]/)[1]}.cpuprofile`,
        );
        fs.mkdirSync(profileDir, { recursive: true });
        fs.writeFileSync(file, JSON.stringify(recorded));
        console.log(`CPU profile of ${PAGES[i].route}: ${file}`);
      }
    }
  }
  const firstLoad = firstLoads.map(l => l.firstRowMs);
  const times = loads.map(l => l.map(x => x.firstRowMs));
  const stats = times.map(summarize);
  const breakdowns = loads.map(medianBreakdown);
  for (let i = 0; i < PAGES.length; i++) {
    console.log(
      `${PAGES[i].name}: first load ${firstLoad[i]} ms; ${times[i].join(
        ', ',
      )} ms (client-side: ${loads[i].map(l => l.clientMs).join(', ')} ms)`,
    );
    console.log(`  median phases: ${JSON.stringify(breakdowns[i])}`);
  }
  const ratio = round(stats[1].p50 / stats[0].p50, 1);
  const requestsText = b =>
    b.requestsOfMedianLoad.map(r => `${r.path} ${r.start}-${r.end}`).join(', ');
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
      'app shell ms',
      'main thread ms',
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
      breakdowns[i].sidebar,
      breakdowns[i].mainThreadTask,
    ]),
    notes: [
      `the catalog page takes ${ratio}× as long as the overview to show its first rows (medians; goal: overview under 1 s and at least 5× sooner)`,
      `time from navigation start (the page's performance.timeOrigin) to the animation frame that first lays out a table row linking to a service (marked in the page, the same script on both pages), app boot included, one signed-in browser profile; "first load" is each page's first visit (not in the median), then ${runs} loads of each, alternating`,
      `app shell: navigation start to the frame that first lays out the sidebar, which every page of the app pays; main thread: the renderer's busy time (CDP TaskDuration) over the load, median`,
      ...PAGES.map(
        (p, i) =>
          `${p.name}, median phases (ms from navigation start): index.html ${
            breakdowns[i].html
          }, entry scripts loaded ${
            breakdowns[i].entryScriptsLoaded
          }, DOMContentLoaded ${
            breakdowns[i].domContentLoaded
          }, first contentful paint ${
            breakdowns[i].firstContentfulPaint
          }, sidebar ${breakdowns[i].sidebar}, last script chunk loaded ${
            breakdowns[i].lastChunkLoaded
          }, first row ${breakdowns[i].firstRow}; main thread: script ${
            breakdowns[i].mainThreadScript
          }, style and layout ${breakdowns[i].mainThreadLayout}, all tasks ${
            breakdowns[i].mainThreadTask
          }; API requests of the median load (start-end): ${requestsText(
            breakdowns[i],
          )}`,
      ),
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
        medianPhases: breakdowns[i],
        loads: [firstLoads[i], ...loads[i]].map(breakdown),
      })),
    },
  });
} finally {
  await cleanUp();
}
