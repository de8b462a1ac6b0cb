// node --test scripts/lib/: API reports compared by their lines, not their member order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareReports } from './apiReports.mjs';

const report = members => `## API Report File

\`\`\`ts
export function createValidateAction(): {
  services: {
${members.map(m => `      ${m}`).join('\n')}
  }[];
};
\`\`\`
`;

describe('compareReports', () => {
  it('finds no change when only the order of members differs', () => {
    const committed = report([
      'entityRef: string;',
      'level: string;',
      'score: number;',
    ]);
    const regenerated = report([
      'entityRef: string;',
      'score: number;',
      'level: string;',
    ]);
    assert.deepEqual(compareReports(committed, regenerated), {
      added: [],
      removed: [],
    });
  });

  it('names the lines a change of the API adds and removes', () => {
    const committed = report(['entityRef: string;', 'score: number;']);
    const regenerated = report([
      'entityRef: string;',
      'score: string;',
      'level: string;',
    ]);
    const { added, removed } = compareReports(committed, regenerated);
    assert.deepEqual(
      added.map(line => line.trim()),
      ['level: string;', 'score: string;'],
    );
    assert.deepEqual(
      removed.map(line => line.trim()),
      ['score: number;'],
    );
  });

  it('counts repeated lines: a member removed from one of two identical types is a change', () => {
    const twice = `${report(['a: string;'])}\n${report(['a: string;'])}`;
    const once = `${report(['a: string;'])}\n${report([])}`;
    assert.deepEqual(
      compareReports(twice, once).removed.map(line => line.trim()),
      ['a: string;'],
    );
  });
});
