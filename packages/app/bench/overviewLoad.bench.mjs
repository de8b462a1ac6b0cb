/* eslint-disable no-console */
// Benchmark: how long the services overview takes to show its first rows in a real browser
// with N services in the backend (default 10,000). Prints numbers; asserts nothing.
// Run: npm run bench:overview [-- <services>]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, launchBrowser, openSignedIn, screenshot, startBackstage } from '../e2e-tests/harness.mjs';

const services = Number(process.argv[2] ?? 10_000);
const teams = 50;
const systems = 100;

/** A layered landscape: each service depends on up to two lower-numbered ones. */
function writeCatalog(dir) {
  const docs = [];
  const doc = (kind, name, spec, extra = {}) =>
    docs.push(JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name, ...extra }, spec }));
  for (let d = 0; d < 10; d++) doc('Domain', `domain-${d}`, { owner: 'team-0' });
  for (let t = 0; t < teams; t++) doc('Group', `team-${t}`, { type: 'team', children: [] });
  for (let s = 0; s < systems; s++) doc('System', `system-${s}`, { owner: `team-${s % teams}`, domain: `domain-${s % 10}` });
  for (let i = 0; i < services; i++) {
    const deps = [i - 7, i - 31].filter(j => j >= 0).map(j => `component:service-${j}`);
    doc(
      'Component',
      `service-${i}`,
      { type: 'service', lifecycle: i % 5 ? 'production' : 'experimental', owner: `team-${(i % systems) % teams}`, system: `system-${i % systems}`, dependsOn: deps },
      { annotations: { 'github.com/project-slug': `acme/service-${i}` }, tags: ['java'] },
    );
  }
  const file = path.join(dir, 'catalog.yaml');
  // JSON is YAML: one document per line, separated by ---.
  fs.writeFileSync(file, docs.join('\n---\n'));
  return file;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-'));
const catalogFile = writeCatalog(dir);
console.log(`catalog: ${services} services in ${catalogFile} (${(fs.statSync(catalogFile).size / 2 ** 20).toFixed(1)} MB)`);

buildApp();
const started = Date.now();
const backstage = await startBackstage({
  extraConfig: [
    'catalog:',
    '  locations:',
    `    - { type: file, target: ${catalogFile} }`,
    '  processingInterval: { minutes: 30 }',
  ].join('\n'),
  ingestTimeoutMs: 30 * 60_000,
});
console.log(`backend ready in ${backstage.readyMs} ms; catalog ingested and evaluated after ${((Date.now() - started) / 1000).toFixed(0)} s`);
let browser;
try {
  const auth = { Authorization: `Bearer ${backstage.token}` };
  const api = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const res = await fetch(`${backstage.baseUrl}/api/microservices/services?limit=20&orderBy=score&order=asc`, { headers: auth });
    await res.json();
    api.push(performance.now() - t);
  }
  api.sort((a, b) => a - b);
  console.log(`GET /services?limit=20 with ${services} services: median ${api[10].toFixed(0)} ms, max ${api[19].toFixed(0)} ms`);

  browser = await launchBrowser();
  const page = await openSignedIn(browser, `${backstage.baseUrl}/microservices`);
  await page.getByRole('row').nth(1).waitFor({ timeout: 120_000 });
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await page.goto(`${backstage.baseUrl}/microservices`);
    await page.getByRole('cell', { name: /^service-\d+$/ }).first().waitFor({ timeout: 120_000 });
    times.push(Date.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`overview first rows with ${services} services (navigation to first row, 5 loads): median ${times[2]} ms, min ${times[0]} ms, max ${times[4]} ms`);
  await screenshot(page, `overview-${services}-services`);
  const rss = fs.readFileSync(`/proc/${backstage.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  if (rss) console.log(`backend RSS: ${(Number(rss[1]) / 1024).toFixed(0)} MB`);
} finally {
  await browser?.close();
  backstage.stop();
}
