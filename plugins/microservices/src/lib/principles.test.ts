import { PRINCIPLE_IDS } from '@microservices-backstage/plugin-microservices-common';
import {
  allPrincipleExplanations,
  comparePrinciples,
  principleExplanation,
  principleTitle,
} from './principles';

describe('principles', () => {
  it('explains every documented principle', () => {
    const all = allPrincipleExplanations();
    expect(all.map(p => p.id)).toEqual([...PRINCIPLE_IDS]);
    for (const p of all) {
      expect(p.title).not.toBe('');
      expect(p.summary.length).toBeGreaterThan(20);
      expect(p.why.length).toBeGreaterThan(50);
      expect(p.evidence.length).toBeGreaterThan(20);
      expect(p.howToComply.length).toBeGreaterThan(0);
    }
  });

  it("falls back to the id for an adopter's own principle", () => {
    expect(principleExplanation('cost-awareness')).toBeUndefined();
    expect(principleTitle('cost-awareness')).toBe('cost-awareness');
    expect(principleTitle('devops')).toBe('DevOps Culture');
  });

  it('orders principles as the document does, unknown ones last', () => {
    expect(
      ['zeta', 'security', 'alpha', 'decomposition'].sort(comparePrinciples),
    ).toEqual(['decomposition', 'security', 'alpha', 'zeta']);
  });
});
