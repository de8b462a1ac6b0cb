/* eslint-disable no-console */
// End-to-end, issue 8: the "New microservice" template in the running demo app. A dry-run
// through the scaffolder's own route scores 100; then a user creates a service with the form
// in Chromium, the task succeeds, and the new service shows in the services overview with
// score 100. It publishes into a temporary folder (publish:local-folder), which the catalog
// reads through a file location.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  buildApp,
  launchBrowser,
  openSignedIn,
  repoRoot,
  screenshot,
  startBackstage,
  skipWithoutChromium,
} from './harness.mjs';

const skip = skipWithoutChromium();

const TEMPLATE_DIR = path.join(repoRoot, 'examples/templates/microservice');
const exampleValues = parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'example-values.yaml'), 'utf8'),
);

function directoryContents(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? directoryContents(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [
          {
            path: `${prefix}${entry.name}`,
            base64Content: fs
              .readFileSync(path.join(dir, entry.name))
              .toString('base64'),
          },
        ],
  );
}

describe(
  'Registering a new service from the template',
  { skip, timeout: 15 * 60_000 },
  () => {
    let backstage;
    let browser;
    const publishDir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'ms-e2e-published-'),
    );

    before(async () => {
      buildApp();
      // catalog.locations replaces the list of app-config.yaml: the demo's, the template's, and
      // the temporary publish folder's.
      backstage = await startBackstage({
        extraConfig: [
          'microservicesScaffolder:',
          '  localPublish:',
          `    directory: ${publishDir}`,
          'catalog:',
          '  locations:',
          '    - { type: file, target: ../../examples/all.yaml }',
          '    - { type: file, target: ../../catalog-info.yaml }',
          '    - type: file',
          '      target: ../../examples/templates/microservice/template.yaml',
          '      rules: [{ allow: [Template] }]',
          '    - type: file',
          `      target: ${publishDir}/*/catalog-info.yaml`,
          '      rules: [{ allow: [Component, API, Resource] }]',
        ].join('\n'),
      });
      console.log(
        `backend ready in ${backstage.readyMs} ms at ${backstage.baseUrl}`,
      );
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      backstage?.stop();
      fs.rmSync(publishDir, { recursive: true, force: true });
    });

    const api = (p, init = {}) =>
      fetch(`${backstage.baseUrl}${p}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${backstage.token}`,
          'Content-Type': 'application/json',
          ...init.headers,
        },
      });

    it('renders the template in a scaffolder dry-run, gated at score 100', async () => {
      const template = parse(
        fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      );
      const started = Date.now();
      const res = await api('/api/scaffolder/v2/dry-run', {
        method: 'POST',
        body: JSON.stringify({
          template,
          values: exampleValues,
          secrets: {},
          directoryContents: directoryContents(TEMPLATE_DIR),
        }),
      });
      assert.equal(res.status, 200);
      const body = await res.json();
      console.log(`dry-run in ${Date.now() - started} ms`);
      const messages = body.log.map(l => l.body.message ?? '');
      assert.ok(
        messages.some(m =>
          m.includes(
            'PASS component:default/pick-route-optimizer: score 100, level gold (minimum score 100)',
          ),
        ),
        messages.join('\n'),
      );
      assert.ok(
        body.directoryContents.some(f => f.path === 'catalog-info.yaml'),
      );
      assert.deepEqual(
        fs.readdirSync(publishDir),
        [],
        'a dry-run publishes nothing',
      );
    });

    it('validates a proposal against the live catalog (POST /validate)', async () => {
      const body = fs.readFileSync(
        path.join(repoRoot, 'examples/components/warehouse.yaml'),
        'utf8',
      );
      const timings = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        const res = await api('/api/microservices/validate', {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/yaml' },
        });
        timings.push(Date.now() - started);
        assert.equal(res.status, 200);
        const result = await res.json();
        assert.ok(result.services.length > 0);
      }
      console.log(
        `POST /validate on the demo catalog: ${timings.join(', ')} ms`,
      );
    });

    it('refuses an alias bomb, a 10 MB body and 10,000 documents quickly', async () => {
      const bomb = [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        ...'bcdefghi'
          .split('')
          .map(
            (n, i) =>
              `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`,
          ),
      ].join('\n');
      const cases = [
        ['alias bomb', bomb, 400],
        ['10 MB body', `# ${'x'.repeat(10 * 1024 * 1024)}`, 413],
        ['10,000 documents', '---\nkind: Component\n'.repeat(10_000), 400],
      ];
      const timings = [];
      for (const [name, body, status] of cases) {
        const started = Date.now();
        const res = await api('/api/microservices/validate', {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/yaml' },
        });
        const ms = Date.now() - started;
        timings.push(`${name} ${res.status} in ${ms} ms`);
        assert.equal(res.status, status, name);
        assert.ok(ms < 5000, `${name} took ${ms} ms`);
      }
      console.log(`POST /validate refusals: ${timings.join('; ')}`);
    });

    it('scores a pasted catalog-info.yaml on the register page, checks grouped by principle', async () => {
      const page = await openSignedIn(
        browser,
        `${backstage.baseUrl}/microservices/register`,
      );
      await page.getByRole('tab', { name: 'Register a service' }).waitFor();
      const yaml = fs.readFileSync(
        path.join(repoRoot, 'examples/components/payments.yaml'),
        'utf8',
      );
      await page.getByLabel('catalog-info.yaml').fill(yaml);
      await page.getByRole('button', { name: 'Validate' }).click();
      await page
        .getByText('component:default/payment-service')
        .first()
        .waitFor();
      await page
        .getByRole('heading', { name: 'Decentralized Data Management' })
        .first()
        .waitFor();
      await screenshot(page, 'register-page-validated');
    });

    it('creates a service with the form; the task succeeds; the overview shows it at score 100', async () => {
      const name = `e2e-route-${Date.now().toString(36)}`;
      const formData = {
        ...exampleValues,
        name,
        repository: `kestrel-outfitters/${name}`,
      };
      const page = await openSignedIn(
        browser,
        `${
          backstage.baseUrl
        }/create/templates/default/microservice?${new URLSearchParams({
          formData: JSON.stringify(formData),
        })}`,
      );
      await page
        .getByRole('heading', { name: 'New microservice' })
        .first()
        .waitFor();
      assert.equal(
        await page.getByRole('textbox', { name: /^Name/ }).inputValue(),
        name,
      );
      // Three steps of the form, then the review.
      for (let step = 0; step < 3; step++) {
        await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
      }
      await page.getByRole('button', { name: 'Create' }).click();
      const started = Date.now();
      await page
        .getByRole('link', { name: 'Open in catalog' })
        .or(page.getByRole('button', { name: 'Open in catalog' }))
        .first()
        .waitFor({ timeout: 60_000 });
      console.log(`task succeeded ${Date.now() - started} ms after Create`);
      await screenshot(page, 'register-task-completed');

      // The task's log says how it scored against the live catalog.
      const tasks = await api(
        `/api/scaffolder/v2/tasks?createdBy=user:default/ingrid.larsen`,
      ).then(r => r.json());
      const task = tasks.tasks.find(t => t.spec.parameters?.name === name);
      assert.equal(task?.status, 'completed');

      // The catalog reads the published folder (refreshed by the publish step).
      let inCatalog = false;
      for (let i = 0; i < 60 && !inCatalog; i++) {
        inCatalog = (
          await api(`/api/catalog/entities/by-name/component/default/${name}`)
        ).ok;
        if (!inCatalog) await new Promise(r => setTimeout(r, 500));
      }
      assert.ok(inCatalog, `${name} is in the catalog`);
      const evaluated = await api('/api/microservices/evaluate', {
        method: 'POST',
      });
      assert.equal(evaluated.status, 200);

      const overview = await openSignedIn(
        browser,
        `${backstage.baseUrl}/microservices?search=${name}`,
      );
      const row = overview.getByRole('row').filter({ hasText: name });
      await row.first().waitFor();
      const text = await row.first().innerText();
      assert.match(text, /\b100\b/);
      assert.match(text, /gold/i);
      await screenshot(overview, 'register-new-service-in-overview');
    });
  },
);
