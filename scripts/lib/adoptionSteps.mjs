// The steps of the README's "Add the plugin to an existing Backstage app" section, read from
// the README itself (each is the code block after a `<!-- fresh-app: <step> -->` marker), and
// how each is applied to an app created by @backstage/create-app. The fresh-app check applies
// exactly what the README shows, so the two cannot drift apart.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export const ADOPTION_SECTION =
  '## Add the plugin to an existing Backstage app';
export const STEP_NAMES = ['install', 'backend', 'frontend', 'config'];

/** The code block of each step, by name; throws naming what is missing. */
export function readAdoptionSteps(readmeText) {
  const start = readmeText.indexOf(ADOPTION_SECTION);
  if (start < 0) throw new Error(`README has no section "${ADOPTION_SECTION}"`);
  const rest = readmeText.slice(start + ADOPTION_SECTION.length);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  const steps = {};
  const marker = /<!-- fresh-app: ([a-z]+) -->\s*\n```[a-z]*\n([\s\S]*?)\n```/g;
  for (const match of section.matchAll(marker)) {
    if (steps[match[1]])
      throw new Error(`README: step "${match[1]}" appears twice`);
    steps[match[1]] = match[2];
  }
  const missing = STEP_NAMES.filter(name => !steps[name]);
  if (missing.length) {
    throw new Error(
      `README's adoption section lacks the step(s) ${missing.join(
        ', ',
      )} (a code block after <!-- fresh-app: NAME -->)`,
    );
  }
  const unknown = Object.keys(steps).filter(name => !STEP_NAMES.includes(name));
  if (unknown.length)
    throw new Error(`README: unknown adoption step(s) ${unknown.join(', ')}`);
  return steps;
}

/**
 * Step 1: the install commands, for bash in the app's root, with `PKGS` (the README's
 * placeholder for where the tarballs are) set to `tarballDir`.
 */
export function installScript(step, tarballDir) {
  const lines = step
    .split('\n')
    .filter(line => line.trim() && !line.trim().startsWith('#'));
  const pkgs = lines.findIndex(line => /^PKGS=/.test(line));
  if (pkgs < 0) throw new Error('README install step: no PKGS= line');
  lines[pkgs] = `PKGS=${JSON.stringify(tarballDir)}`;
  if (!lines.some(line => /^npm install /.test(line)))
    throw new Error('README install step: no npm install line');
  return lines.join('\n');
}

/** Step 2: the `backend.add(...)` lines, inserted before `backend.start()`. */
export function applyBackendStep(step, indexSource) {
  const adds = step
    .split('\n')
    .filter(line => line.trim().startsWith('backend.add('));
  if (!adds.length)
    throw new Error('README backend step: no backend.add(...) line');
  const at = indexSource.indexOf('backend.start();');
  if (at < 0)
    throw new Error('packages/backend/src/index.ts has no backend.start();');
  return `${indexSource.slice(0, at)}${adds.join('\n')}\n\n${indexSource.slice(
    at,
  )}`;
}

/**
 * Step 3: the import lines go after the app's last import, the identifiers of the snippet's
 * `features: [...]` (its comments aside) are appended to the app's `features` list.
 */
export function applyFrontendStep(step, appSource) {
  const imports = step.split('\n').filter(line => line.startsWith('import '));
  const features = step.match(/features:\s*\[([\s\S]*?)\]/);
  if (!imports.length || !features)
    throw new Error(
      'README frontend step: needs import lines and a features: [...] list',
    );
  const added = features[1]
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const appFeatures = appSource.match(/features:\s*\[([\s\S]*?)\]/);
  if (!appFeatures)
    throw new Error('packages/app/src/App.tsx has no features: [...] list');
  const lines = appSource.split('\n');
  const lastImport = lines.reduce(
    (last, line, i) => (/^import |^} from /.test(line) ? i : last),
    -1,
  );
  lines.splice(lastImport + 1, 0, ...imports);
  let source = lines.join('\n');
  const existing = appFeatures[1].trim().replace(/,$/, '');
  source = source.replace(
    appFeatures[0],
    `features: [${[existing, ...added].filter(Boolean).join(', ')}]`,
  );
  return source;
}

/**
 * Step 4: the YAML merged into the app's app-config.yaml: `app.extensions` entries appended to
 * the app's list (a second list would replace it), every other key set.
 */
export function applyConfigStep(step, appConfigSource) {
  const snippet = YAML.parse(step);
  const doc = YAML.parseDocument(appConfigSource);
  for (const [key, value] of Object.entries(snippet)) {
    if (key === 'app') {
      for (const [appKey, appValue] of Object.entries(value)) {
        if (appKey === 'extensions') {
          for (const entry of appValue)
            doc.addIn(['app', 'extensions'], doc.createNode(entry));
        } else {
          doc.setIn(['app', appKey], doc.createNode(appValue));
        }
      }
    } else {
      doc.set(key, doc.createNode(value));
    }
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

/** Applies steps 2 to 4 to the app in `appDir` (step 1 is a command, run by the caller). */
export function applySourceSteps(steps, appDir) {
  const edit = (file, fn) => {
    const full = path.join(appDir, file);
    fs.writeFileSync(full, fn(fs.readFileSync(full, 'utf8')));
  };
  edit('packages/backend/src/index.ts', source =>
    applyBackendStep(steps.backend, source),
  );
  edit('packages/app/src/App.tsx', source =>
    applyFrontendStep(steps.frontend, source),
  );
  edit('app-config.yaml', source => applyConfigStep(steps.config, source));
}
