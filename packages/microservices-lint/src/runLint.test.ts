import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReader, nodeFileReader } from './FileReader';
import { runLint } from './runLint';

/** The demo landscape; examples/README.md lists its findings. */
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const CLEAN_SERVICE = path.resolve(
  __dirname,
  '__fixtures__/clean-service.yaml',
);
/** Inside the validity window of the demo landscape's waivers (examples/README.md). */
const NOW = new Date('2026-11-29T00:00:00Z');

interface JsonCheck {
  id: string;
  principle: string;
  status: string;
  message: string;
  remediation: string;
}
interface JsonService {
  entityRef: string;
  score: number;
  level: string;
  passed: boolean;
  source: { file: string; line: number } | null;
  warnings: string[];
  checks: JsonCheck[];
}

function lintJson(args: string[]) {
  const result = runLint(['--format', 'json', ...args], { now: NOW });
  const output = JSON.parse(result.stdout) as {
    services: JsonService[];
    summary: Record<string, unknown>;
    skipped: { files: { file: string }[]; locations: { file: string }[] };
    duplicateRefs: { entityRef: string }[];
  };
  const service = (name: string) => {
    const found = output.services.find(
      s => s.entityRef === `component:default/${name}`,
    );
    if (!found) throw new Error(`no service ${name}`);
    return found;
  };
  const check = (name: string, id: string) => {
    const found = service(name).checks.find(c => c.id === id);
    if (!found) throw new Error(`no check ${id} for ${name}`);
    return found;
  };
  return { result, output, service, check };
}

let tmp: string;
const tmpFile = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'microservices-lint-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the demo landscape (examples/)', () => {
  const lint = lintJson([EXAMPLES]);

  it('fails (exit 1) and scores all 39 services', () => {
    expect(lint.result.exitCode).toBe(1);
    expect(lint.result.stderr).toBe('');
    expect(lint.output.services).toHaveLength(39);
    expect(lint.output.summary).toMatchObject({
      passed: false,
      services: 39,
      failedServices: 18, // 19 non-passing services; carrier-gateway-service only warns
    });
  });

  it('gives the JSON fields of the contract', () => {
    const [first] = lint.output.services;
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['entityRef', 'score', 'level', 'checks']),
    );
    expect(Object.keys(first.checks[0])).toEqual(
      expect.arrayContaining([
        'id',
        'principle',
        'status',
        'message',
        'remediation',
      ]),
    );
  });

  it('fails the dependency cycle members, not the services downstream of it', () => {
    for (const name of [
      'inventory-service',
      'allocation-service',
      'replenishment-service',
    ]) {
      expect(
        lint.check(name, 'fault-isolation.no-dependency-cycle'),
      ).toMatchObject({ status: 'fail', principle: 'fault-isolation' });
    }
    expect(
      lint.check('receiving-service', 'fault-isolation.no-dependency-cycle')
        .status,
    ).toBe('pass');
  });

  it('finds the shared datastore across files (graph-wide)', () => {
    const orders = lint.service('order-service');
    const loyalty = lint.service('loyalty-service');
    expect(orders.source?.file).toBe(
      path.join(EXAMPLES, 'components/order-management.yaml'),
    );
    expect(loyalty.source?.file).toBe(
      path.join(EXAMPLES, 'components/customer-engagement.yaml'),
    );
    for (const name of ['order-service', 'loyalty-service']) {
      expect(
        lint.check(name, 'decentralized-data.no-shared-datastore'),
      ).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('orders-db'),
      });
    }
  });

  it('scores as examples/README.md says', () => {
    const scored = (name: string) => {
      const { score, level, passed } = lint.service(name);
      return { score, level, passed };
    };
    expect(scored('campaign-service')).toEqual({
      score: 35,
      level: 'none',
      passed: false,
    });
    expect(scored('label-service')).toEqual({
      score: 88,
      level: 'none',
      passed: false,
    });
    // Only warns (gRPC cannot be checked): passes the bar, but a warning is not gold.
    expect(scored('carrier-gateway-service')).toEqual({
      score: 98,
      level: 'silver',
      passed: true,
    });
    expect(scored('search-service')).toEqual({
      score: 100,
      level: 'gold',
      passed: true,
    });
    expect(
      lint.check('label-service', 'security.api-authentication'),
    ).toMatchObject({ status: 'exempt' });
    expect(lint.check('recommendations-service', 'devops.on-call').status).toBe(
      'fail',
    ); // its waiver expired
  });

  it('skips the Location in all.yaml and says so', () => {
    expect(lint.output.skipped.locations).toEqual([
      expect.objectContaining({ file: path.join(EXAMPLES, 'all.yaml') }),
    ]);
  });
});

describe('text output', () => {
  it('shows per service the ref, score, level and each finding with its remediation', () => {
    const { stdout, exitCode } = runLint([EXAMPLES], { now: NOW });
    expect(exitCode).toBe(1);
    expect(stdout).toContain(
      'FAIL component:default/order-service  score 93  level bronze',
    );
    expect(stdout).toMatch(
      /FAIL component:default\/order-service .*\n +to silver: 1 check: decentralized-data\.no-shared-datastore\n/,
    );
    expect(stdout).toMatch(
      /fail {4}decentralized-data\.no-shared-datastore \(decentralized-data, weight 3\)\n.*orders-db.*\n +fix: \S/,
    );
    expect(stdout).toMatch(/warn {4}security\.api-authentication/);
    expect(stdout).toMatch(/exempt {2}security\.api-authentication/);
    expect(stdout).toContain('waived until 2027-12-31');
    expect(stdout).toContain('Skipped Location kestrel-outfitters-landscape');
    expect(stdout).toMatch(
      /\nFAILED: 39 services in \d+ files: 21 passed, 18 failed/,
    );
  });
});

describe('catalog warnings', () => {
  it('names file and line of a misspelt spec key that Backstage would ignore, with the key it meant', () => {
    const file = tmpFile(
      'typo.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata:',
        '  name: db',
        'spec:',
        '  type: database',
        '  owner: team-a',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: orders',
        'spec:',
        '  type: service',
        '  owner: team-a',
        '  consumesApi: [stock-api]',
        '',
      ].join('\n'),
    );
    const { stdout } = runLint([file], { now: NOW });
    expect(stdout).toContain(
      `${file}:9: warning: component:default/orders: \`spec.consumesApi\` is not a field Backstage reads, so it is ignored; did you mean \`spec.consumesApis\`?`,
    );
    const lint = lintJson([file]);
    expect(lint.output.services[0].warnings).toEqual([
      expect.stringContaining('did you mean `spec.consumesApis`'),
    ]);
  });
});

describe('exit codes and the bar', () => {
  it('passes (exit 0) a clean service file', () => {
    const result = runLint([CLEAN_SERVICE], { now: NOW });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(
      'PASS component:default/parcel-service  score 100  level gold',
    );
    expect(result.stdout).toContain('PASSED: 1 service in 1 file');
  });

  it('fails with --fail-under only the services scoring below it', () => {
    expect(
      runLint(['--fail-under', '35', EXAMPLES], { now: NOW }).exitCode,
    ).toBe(0);
    const lint = lintJson(['--fail-under=85', EXAMPLES]);
    expect(lint.result.exitCode).toBe(1);
    expect(
      lint.output.services.filter(s => !s.passed).map(s => s.entityRef),
    ).toEqual([
      'component:default/campaign-service',
      'component:default/gift-card-service',
    ]);
  });

  it('refuses unknown options and bad values with the usage (exit 2)', () => {
    for (const args of [
      ['--nope', EXAMPLES],
      ['--format', 'xml', EXAMPLES],
      ['--fail-under', 'abc', EXAMPLES],
      ['--fail-under', '101', EXAMPLES],
      ['--fail-under'],
      ['--config', 'a.yaml', '--config', 'b.yaml', EXAMPLES],
      [],
    ]) {
      const result = runLint(args);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^microservices-lint: .+\n\nUsage: /);
    }
    expect(runLint(['--nope', EXAMPLES]).stderr).toMatch(
      /^microservices-lint: Unknown option '--nope'\n/,
    );
  });

  it('prints the help (exit 0), which says Locations are not followed', () => {
    const result = runLint(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: microservices-lint');
    expect(result.stdout).toContain('kind: Location documents are skipped');
  });
});

describe('unusable input (exit 2, naming the file and line)', () => {
  it('malformed YAML', () => {
    const file = tmpFile(
      'bad.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [broken\nspec: {}\n',
    );
    const result = runLint([file]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:5: malformed YAML: `),
    );
  });

  it('a YAML alias bomb', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((level, index) =>
      index === 0
        ? `  ${level}: &${level} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
        : `  ${level}: &${level} [${Array(9)
            .fill(`*${levels[index - 1]}`)
            .join(',')}]`,
    );
    const file = tmpFile(
      'bomb.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: lol\nspec:\n${lines.join(
        '\n',
      )}\n`,
    );
    const result = runLint([file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${file}:1: too many YAML alias expansions (more than 100): refusing what looks like an alias bomb ("billion laughs")\n`,
    );
  });

  it('a file above the size limit, without reading it', () => {
    const file = path.join(tmp, 'huge.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 50 * 1024 * 1024); // sparse: no disk space used
    const read: string[] = [];
    const spy: FileReader = {
      ...nodeFileReader,
      readFile: name => {
        read.push(name);
        return nodeFileReader.readFile(name);
      },
    };
    for (const given of [file, tmp]) {
      read.length = 0;
      const result = runLint([given], { reader: spy });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(
        `${file}: 52428800 bytes is more than the 10 MB limit\n`,
      );
      expect(read).toEqual([]);
    }
  });

  it('a document that is not an entity', () => {
    const file = tmpFile(
      'mixed.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: team-a',
        'spec: { type: team, children: [] }',
        '---',
        '# a stray document',
        'name: not-an-entity',
        '---',
        '- a list',
        '',
      ].join('\n'),
    );
    const result = runLint([file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${file}:8: not a catalog entity: no apiVersion, no kind, no metadata.name (a catalog entity is a mapping with apiVersion, kind and metadata.name)\n`,
    );
    // The same holds for such a file found in a folder: it looks like a catalog file.
    expect(runLint([tmp]).stderr).toBe(result.stderr);
  });

  it('a missing file or folder', () => {
    const missing = path.join(tmp, 'nope.yaml');
    const result = runLint([CLEAN_SERVICE, missing]);
    expect(result).toEqual({
      stdout: '',
      stderr: `${missing}: no such file or folder\n`,
      exitCode: 2,
    });
  });

  it('reports every unusable file at once', () => {
    const bad = tmpFile('a.yaml', 'a: [\n');
    const notEntity = tmpFile('b.yaml', 'just a string\n');
    const result = runLint([bad, notEntity]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${bad}:\\d+: malformed YAML`)),
      `${notEntity}:1: not a catalog entity: the document is a string (a catalog entity is a mapping with apiVersion, kind and metadata.name)`,
    ]);
  });

  it('no services', () => {
    const file = tmpFile(
      'group.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec: { type: team, children: [] }\n',
    );
    const result = runLint([file, path.join(EXAMPLES, 'all.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('microservices-lint: no services found in');
    expect(result.stderr).toContain(
      '1 Location whose targets are not followed',
    );
  });
});

describe('folders', () => {
  it('walks folders, skipping YAML files that hold no entity, node_modules and hidden folders', () => {
    fs.copyFileSync(CLEAN_SERVICE, path.join(tmp, 'catalog-info.yaml'));
    tmpFile('openapi/parcel.oas.yaml', 'openapi: 3.0.3\ninfo: { title: x }\n');
    tmpFile('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    tmpFile('node_modules/pkg/broken.yaml', 'a: [\n');
    tmpFile('empty.yml', '# nothing\n');
    const result = runLint([tmp], { now: NOW });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      `Skipped ${path.join(
        tmp,
        'openapi/parcel.oas.yaml',
      )}: no document has apiVersion and kind: not a catalog file.`,
    );
    expect(result.stdout).toContain(
      `Skipped ${path.join(tmp, 'empty.yml')}: empty.`,
    );
    expect(result.stdout).not.toContain('ci.yml');
    expect(result.stdout).not.toContain('broken.yaml');
  });

  it('does not expand aliases of a YAML file it skips', () => {
    fs.copyFileSync(CLEAN_SERVICE, path.join(tmp, 'catalog-info.yaml'));
    tmpFile(
      'anchors.yaml',
      'a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
    );
    expect(runLint([tmp], { now: NOW }).exitCode).toBe(0);
  });

  it('reads a file named twice (directly and in its folder) once', () => {
    const result = runLint(
      ['--format', 'json', CLEAN_SERVICE, path.dirname(CLEAN_SERVICE)],
      { now: NOW },
    );
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.services).toHaveLength(1);
    expect(output.duplicateRefs).toEqual([]);
  });
});

describe('--config', () => {
  it('names the invalid key, with its line', () => {
    const config = tmpFile(
      'app-config.yaml',
      'app:\n  title: x\nmicroservices:\n  thresholds:\n    maxFanOut: -1\n',
    );
    const result = runLint(['--config', config, EXAMPLES]);
    expect(result).toEqual({
      stdout: '',
      stderr: `${config}:5: Invalid config at microservices.thresholds.maxFanOut: expected a non-negative integer, got -1\n`,
      exitCode: 2,
    });
  });

  it('names an unknown check id', () => {
    const config = tmpFile(
      'app-config.yaml',
      'microservices:\n  checks:\n    no-such.check:\n      enabled: false\n',
    );
    const result = runLint(['--config', config, EXAMPLES]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${config}:3: Invalid config at microservices.checks.no-such.check: unknown check id "no-such.check"\n`,
    );
  });

  it('refuses a missing config file', () => {
    const config = path.join(tmp, 'missing.yaml');
    const result = runLint(['--config', config, EXAMPLES]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`${config}: no such file or folder\n`);
  });

  it('changes the results: a disabled check is not run', () => {
    const config = tmpFile(
      'app-config.yaml',
      [
        'microservices:',
        '  checks:',
        '    fault-isolation.no-dependency-cycle:',
        '      enabled: false',
        '  thresholds:',
        '    maxBlastRadius: 30',
        '',
      ].join('\n'),
    );
    const lint = lintJson(['--config', config, EXAMPLES]);
    expect(lint.result.exitCode).toBe(1);
    const inventory = lint.service('inventory-service');
    expect(inventory.checks.map(c => c.id)).not.toContain(
      'fault-isolation.no-dependency-cycle',
    );
    expect(inventory).toMatchObject({ score: 100, passed: true });
    expect(lint.service('auth-service')).toMatchObject({
      score: 100,
      passed: true,
    });
  });

  it('uses the defaults, and says so, when the file has no microservices: section', () => {
    const config = tmpFile('app-config.yaml', 'app:\n  title: x\n');
    const result = runLint(['--config', config, CLEAN_SERVICE], { now: NOW });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      `${config} has no microservices: section: the default configuration applies.`,
    );
  });
});

describe('--context', () => {
  const PAYMENTS = path.join(EXAMPLES, 'components/payments.yaml');
  const GRAPH_CHECKS = [
    'decomposition.single-system',
    'decomposition.references-resolve',
    'devops.owned-by-team',
  ];

  it('resolves a lone file against the context, and lints only that file', () => {
    const alone = lintJson([PAYMENTS]);
    for (const id of GRAPH_CHECKS) {
      expect(alone.check('payment-service', id).status).toBe('fail');
    }

    const whole = lintJson([EXAMPLES]);
    const withContext = lintJson(['--context', EXAMPLES, PAYMENTS]);
    const names = withContext.output.services.map(s => s.entityRef);
    expect(names).toEqual(
      whole.output.services
        .filter(s => s.source?.file === PAYMENTS)
        .map(s => s.entityRef),
    );
    expect(names).toContain('component:default/payment-service');
    for (const ref of names) {
      const name = ref.replace('component:default/', '');
      expect(withContext.service(name)).toEqual(whole.service(name));
    }
    for (const id of GRAPH_CHECKS) {
      expect(withContext.check('payment-service', id).status).toBe('pass');
    }
    expect(withContext.output.summary).toMatchObject({
      services: names.length,
      files: 1,
    });
    expect(withContext.output.duplicateRefs).toEqual([]);
    expect(withContext.result.exitCode).toBe(
      withContext.output.services.every(s => s.passed) ? 0 : 1,
    );
  });

  it('lints the positional definition of a ref the context defines too', () => {
    const file = tmpFile(
      'catalog-info.yaml',
      fs
        .readFileSync(CLEAN_SERVICE, 'utf8')
        .replace(/name: .*/, 'name: payment-service'),
    );
    const lint = lintJson(['--context', EXAMPLES, file]);
    expect(lint.output.services).toHaveLength(1);
    expect(lint.service('payment-service').source?.file).toBe(file);
  });

  it('names the file of malformed YAML in a context path (exit 2)', () => {
    const bad = tmpFile(
      'org/bad.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: [broken\nspec: {}\n',
    );
    const result = runLint(['--context', path.dirname(bad), CLEAN_SERVICE]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(`^${bad.replace(/[.\\]/g, '\\$&')}:5: malformed YAML: `),
    );
    expect(
      runLint(['--context', path.join(tmp, 'missing'), CLEAN_SERVICE]),
    ).toMatchObject({ exitCode: 2, stdout: '' });
  });

  it('needs a positional path, and services in it (exit 2)', () => {
    const result = runLint(['--context', EXAMPLES]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^microservices-lint: no file or folder to lint given .+\n\nUsage: /,
    );

    const group = tmpFile(
      'group.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  children: []\n',
    );
    const none = runLint(['--context', EXAMPLES, group]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain(
      `no services found in ${group}: 1 entity in 1 file.`,
    );
  });
});
