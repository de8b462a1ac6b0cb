/*
 * The linter's bad input (issue 10, bug 9): output too large for one string, symbolic links
 * out of a folder, unreadable files, UTF-16 files. (Duplicate keys in linear time: the shared
 * parser's duplicateKeys.test.ts in -common.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReader, nodeFileReader } from './FileReader';
import { formatJson, formatJsonChunks } from './formatJson';
import { otherEncoding } from './parseYamlFile';
import { runLint } from './runLint';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const CLEAN_SERVICE = path.resolve(
  __dirname,
  '__fixtures__/clean-service.yaml',
);
const NOW = new Date('2026-11-29T00:00:00Z');

let tmp: string;
beforeEach(() => {
  tmp = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'lint-bad-input-')),
  );
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

const service = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

describe('JSON output in pieces', () => {
  it('is written a service at a time, and joins to the same text', () => {
    const result = runLint(['--format', 'json', EXAMPLES], { now: NOW });
    expect(result.stdoutChunks).toBeDefined();
    const chunks = [...result.stdoutChunks!()];
    const output = JSON.parse(result.stdout);
    expect(chunks.join('')).toBe(result.stdout);
    // One piece per service, plus the opening, the closing of the list and the rest.
    expect(chunks).toHaveLength(output.services.length + 3);
    // Exactly what one JSON.stringify of the whole report gives.
    expect(result.stdout).toBe(`${JSON.stringify(output, null, 2)}\n`);
    const biggest = Math.max(...chunks.slice(1, -2).map(c => c.length));
    expect(biggest).toBeLessThan(result.stdout.length / 10);
  });

  it('formats an empty list of services like JSON.stringify', () => {
    const report = {
      services: [],
      passed: true,
      bar: 'none',
      files: [],
      contextFiles: [],
      entityCount: 0,
      warnings: [],
      cycles: [],
      duplicateRefs: [],
      skippedFiles: [],
      skippedLocations: [],
      notes: [],
    } as any;
    const text = [...formatJsonChunks(report)].join('');
    expect(text).toBe(formatJson(report));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('folders', () => {
  it('does not follow a symbolic link out of the folder, and says so', () => {
    write('root/a.yaml', service('inside'));
    const outside = write('elsewhere/b.yaml', service('outside'));
    fs.symlinkSync(
      path.dirname(outside),
      path.join(tmp, 'root', 'linked-folder'),
    );
    fs.symlinkSync(outside, path.join(tmp, 'root', 'linked.yaml'));
    // A link that stays inside is followed (once).
    fs.symlinkSync(
      path.join(tmp, 'root', 'a.yaml'),
      path.join(tmp, 'root', 'same.yaml'),
    );
    const result = runLint(['--format', 'json', path.join(tmp, 'root')], {
      now: NOW,
    });
    const output = JSON.parse(result.stdout);
    expect(output.services.map((s: any) => s.entityRef)).toEqual([
      'component:default/inside',
    ]);
    expect(output.skipped.files).toEqual([
      {
        file: path.join(tmp, 'root', 'linked-folder'),
        reason: `a symbolic link out of ${path.join(
          tmp,
          'root',
        )} (to ${path.join(tmp, 'elsewhere')}): not followed`,
      },
      {
        file: path.join(tmp, 'root', 'linked.yaml'),
        reason: `a symbolic link out of ${path.join(
          tmp,
          'root',
        )} (to ${outside}): not followed`,
      },
    ]);
    const text = runLint([path.join(tmp, 'root')], { now: NOW });
    expect(text.stdout).toContain(
      `Skipped ${path.join(
        tmp,
        'root',
        'linked.yaml',
      )}: a symbolic link out of`,
    );
  });

  it('names the files it could not read when nothing was found', () => {
    write('team/a.yaml', service('a'));
    write('team/private/b.yaml', service('b'));
    // Unreadable as an unprivileged user would find them (root reads everything).
    const denied = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
    });
    const reader: FileReader = {
      ...nodeFileReader,
      stat: file => {
        if (file.endsWith('a.yaml')) throw denied;
        return nodeFileReader.stat(file);
      },
      readdir: file => {
        if (file.endsWith('private')) throw denied;
        return nodeFileReader.readdir(file);
      },
    };
    const result = runLint([path.join(tmp, 'team')], { now: NOW, reader });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('0 entities in 0 files; skipped 2 files: ');
    expect(result.stderr).toContain(
      `${path.join(tmp, 'team', 'a.yaml')} (permission denied)`,
    );
    expect(result.stderr).toContain(
      `${path.join(tmp, 'team', 'private')} (permission denied)`,
    );
  });
});

describe('encodings', () => {
  const yaml = fs.readFileSync(CLEAN_SERVICE, 'utf8');
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i < le.length; i += 2)
      [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  };

  it.each([
    [
      'UTF-16 (little-endian, with a byte order mark)',
      Buffer.from(`\uFEFF${yaml}`, 'utf16le'),
    ],
    ['UTF-16 (little-endian)', Buffer.from(yaml, 'utf16le')],
    ['UTF-16 (big-endian, with a byte order mark)', utf16be(`\uFEFF${yaml}`)],
    ['UTF-32', Buffer.from([...yaml].flatMap(c => [c.charCodeAt(0), 0, 0, 0]))],
  ])('names %s instead of "the document is a string"', (encoding, bytes) => {
    const file = write('catalog-info.yaml', bytes);
    const result = runLint([file], { now: NOW });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${file}: the file is encoded as ${encoding}: catalog files must be UTF-8, as Backstage reads them (convert it, e.g. iconv -f UTF-16 -t UTF-8)\n`,
    );
  });

  it('reads UTF-8, with or without a byte order mark', () => {
    const file = write('catalog-info.yaml', `\uFEFF${yaml}`);
    expect(runLint([file], { now: NOW }).exitCode).not.toBe(2);
    expect(otherEncoding(yaml)).toBeUndefined();
    expect(otherEncoding('café: ünïcödé ✓\n')).toBeUndefined();
  });
});
