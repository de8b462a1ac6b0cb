// node --test scripts/lib/: the README's adoption steps are found and applied as shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import {
  applyBackendStep,
  applyConfigStep,
  applyFrontendStep,
  installScript,
  readAdoptionSteps,
} from './adoptionSteps.mjs';

const readme = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'),
  'utf8',
);

const backendIndex = [
  "import { createBackend } from '@backstage/backend-defaults';",
  'const backend = createBackend();',
  "backend.add(import('@backstage/plugin-catalog-backend'));",
  'backend.start();',
  '',
].join('\n');

const appTsx = [
  "import { createApp } from '@backstage/frontend-defaults';",
  "import catalogPlugin from '@backstage/plugin-catalog/alpha';",
  "import { navModule } from './modules/nav';",
  '',
  'export default createApp({',
  '  features: [catalogPlugin, navModule],',
  '});',
  '',
].join('\n');

const appConfig = [
  'app:',
  '  title: An app',
  '  extensions:',
  '    # the landing page',
  '    - page:catalog:',
  '        config:',
  '          path: /',
  'backend:',
  '  baseUrl: http://localhost:7007',
  '',
].join('\n');

describe('the README adoption steps', () => {
  const steps = readAdoptionSteps(readme);

  it('has the four steps the fresh-app check applies', () => {
    assert.deepEqual(Object.keys(steps).sort(), [
      'backend',
      'config',
      'frontend',
      'install',
    ]);
  });

  it('installs the tarballs from PKGS into the backend and the app', () => {
    const script = installScript(steps.install, '/tmp/some dir');
    assert.match(script, /^PKGS="\/tmp\/some dir"$/m);
    assert.match(
      script,
      /^npm install -w packages\/backend .*plugin-microservices-backend-[\d.]+\.tgz/m,
    );
    assert.match(
      script,
      /^npm install -w packages\/app .*plugin-microservices-[\d.]+\.tgz/m,
    );
  });

  it('adds the backend plugin before backend.start()', () => {
    const out = applyBackendStep(steps.backend, backendIndex);
    const add = out.indexOf(
      "backend.add(import('@microservices-backstage/plugin-microservices-backend'));",
    );
    assert.ok(add > 0 && add < out.indexOf('backend.start();'), out);
  });

  it('imports the feature and appends it to the features list', () => {
    const out = applyFrontendStep(steps.frontend, appTsx);
    assert.match(
      out,
      /import microservicesPlugin from '@microservices-backstage\/plugin-microservices\/alpha';/,
    );
    assert.match(
      out,
      /features: \[catalogPlugin, navModule, microservicesPlugin\]/,
    );
    assert.ok(
      out.indexOf('microservicesPlugin from') < out.indexOf('export default'),
      out,
    );
  });

  it('adds app.extensions entries to the existing list and sets the plugin config', () => {
    const out = YAML.parse(applyConfigStep(steps.config, appConfig));
    assert.deepEqual(out.app.extensions[0], {
      'page:catalog': { config: { path: '/' } },
    });
    assert.ok(out.app.extensions.length > 1, 'the README entries are appended');
    assert.equal(out.app.title, 'An app');
    assert.ok(out.microservices, 'the plugin settings are set');
    assert.equal(out.backend.baseUrl, 'http://localhost:7007');
  });

  it('names a missing step', () => {
    const without = readme.replace('<!-- fresh-app: backend -->', '');
    assert.throws(
      () => readAdoptionSteps(without),
      /lacks the step\(s\) backend/,
    );
  });

  it('refuses an install step without the PKGS placeholder', () => {
    assert.throws(
      () => installScript('npm install -w packages/app x.tgz', '/tmp'),
      /no PKGS= line/,
    );
  });
});
