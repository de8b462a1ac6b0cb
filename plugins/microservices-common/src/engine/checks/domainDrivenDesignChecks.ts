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
      // Missing evidence is not a pass; the missing domain itself is charged once,
      // by system-in-domain (or decomposition.single-system without a system).
      return notApplicable(
        graph.systemNodeOf(node.ref)
          ? 'Its system is in no Domain of the catalog, so which dependencies cross a domain boundary cannot be told.'
          : 'Has no resolvable System, so its domain, and which dependencies cross a domain boundary, cannot be told.',
      );
    }
    const crossing = [
      ...new Set(
        graph.upstreamOf(node.ref).flatMap(({ to, via }) => {
          if (via === 'consumesApis') return [];
          const target = graph.node(to);
          const domain =
            target?.kind === 'component' ? graph.domainOf(target.ref) : undefined;
          return target && domain && domain !== ownDomain ? [target.ref] : [];
        }),
      ),
    ];
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
      `Replace these direct dependencies (\`spec.dependsOn\` here, or \`spec.dependencyOf\` on the other side) with \`spec.consumesApis\` entries naming the APIs they provide: ${listRefs(
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
