/*
 * The linter applies the catalog's own entity validation (@backstage/catalog-model's
 * policies and kind validators, shared with the validation API): what the catalog would
 * refuse is a warning in the catalog's words; the principles are still scored.
 */
import path from 'node:path';
import { runLint, runLintWithCatalogValidation } from './runLint';

const CORPORA = path.resolve(__dirname, '../../../test-data/catalogs');
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const NOW = new Date('2026-11-29T00:00:00Z');

describe('runLintWithCatalogValidation', () => {
  it("warns about an entity the catalog would refuse, in the catalog's words", async () => {
    const folder = path.join(CORPORA, 'backstage-examples');
    const result = await runLintWithCatalogValidation(
      ['--format', 'json', folder],
      { now: NOW },
    );
    const output = JSON.parse(result.stdout);
    expect(result.exitCode).toBe(1);
    expect(output.warnings).toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/invalid component',
        message: expect.stringMatching(
          /^the catalog would refuse this entity: Policy check failed for component:default\/invalid component: "metadata.name" is not valid; expected a string that is sequences of \[a-zA-Z0-9\] separated by any of \[-_.\], at most 63 characters in total but found "invalid component"/,
        ),
      }),
    );
    // Still scored: the linter checks the principles; the catalog's refusal is reported.
    expect(
      output.services.map((s: { entityRef: string }) => s.entityRef),
    ).toContain('component:default/invalid component');
  });

  it('adds nothing for the demo landscape, whose entities the catalog accepts', async () => {
    const withValidation = await runLintWithCatalogValidation(
      ['--format', 'json', EXAMPLES],
      { now: NOW },
    );
    const without = runLint(['--format', 'json', EXAMPLES], { now: NOW });
    expect(withValidation).toEqual(without);
  });

  it('leaves usage errors to runLint', async () => {
    const result = await runLintWithCatalogValidation(['--nope']);
    expect(result.exitCode).toBe(2);
  });
});
