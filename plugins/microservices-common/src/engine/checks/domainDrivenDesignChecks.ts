import type { CheckDefinition } from '../types';
import { fail, listRefs, notApplicable, pass, serviceNode } from './outcomes';

const systemInDomain: CheckDefinition = {
  id: 'domain-driven-design.system-in-domain',
  principle: 'domain-driven-design',
  title: 'System is in a domain',
  description:
    "The service's System has `spec.domain` naming an existing Domain.",
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const system = graph.systemNodeOf(graph.refOf(service));
    if (!system) {
      return notApplicable('Has no resolvable System, so no domain to check.');
    }
    const { domain } = system;
    if (!domain) {
      return fail(
        `Its system \`${system.ref}\` has no \`spec.domain\`.`,
        `In the catalog-info.yaml of the System \`${system.ref}\`, add \`spec.domain: <domain-name>\` naming the Domain it belongs to.`,
        [system.ref],
      );
    }
    const target = domain.ref ? graph.node(domain.ref) : undefined;
    if (target?.kind !== 'domain') {
      return fail(
        `Its system \`${system.ref}\` names the domain \`${domain.text}\`, which is not a Domain in the catalog.`,
        `Register the Domain \`${
          domain.ref ?? domain.text
        }\`, or change \`spec.domain\` of the System \`${
          system.ref
        }\` to an existing Domain.`,
        [system.ref, domain.ref ?? domain.text],
      );
    }
    return pass(
      `Its system \`${system.ref}\` is in the domain \`${target.ref}\`.`,
      [system.ref, target.ref],
    );
  },
};

const noCrossDomainCoupling: CheckDefinition = {
  id: 'domain-driven-design.no-cross-domain-coupling',
  principle: 'domain-driven-design',
  title: 'No direct dependency across domains',
  description:
    'No `dependsOn` straight to a Component whose System is in another domain; calls across domains go through a consumed API.',
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const ownDomain = graph.domainOf(node.ref);
    if (!ownDomain) {
      // Without a domain of its own nothing can be "another" domain;
      // system-in-domain reports the missing domain.
      return pass('Has no domain, so no dependency crosses a domain boundary.');
    }
    const crossing = node.dependsOn.flatMap(({ ref }) => {
      const target = ref ? graph.node(ref) : undefined;
      const domain =
        target?.kind === 'component' ? graph.domainOf(target.ref) : undefined;
      return target && domain && domain !== ownDomain ? [target.ref] : [];
    });
    if (crossing.length === 0) {
      return pass(
        `Depends on no Component of a domain other than \`${ownDomain}\` directly.`,
      );
    }
    const described = crossing.map(
      ref => `\`${ref}\` (domain \`${graph.domainOf(ref)}\`)`,
    );
    return fail(
      `Depends directly on Components of other domains than \`${ownDomain}\`: ${described.join(
        ', ',
      )}.`,
      `Replace these \`spec.dependsOn\` entries with \`spec.consumesApis\` entries naming the APIs they provide: ${listRefs(
        crossing,
      )}.`,
      crossing,
    );
  },
};

export const domainDrivenDesignChecks: CheckDefinition[] = [
  systemInDomain,
  noCrossDomainCoupling,
];
