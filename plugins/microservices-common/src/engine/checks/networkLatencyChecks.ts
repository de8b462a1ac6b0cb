import type { CatalogGraph } from '../CatalogGraph';
import { isObject, specOf, stringValue } from '../graph/entityFields';
import type { CheckDefinition } from '../types';
import { fail, listRefs, notApplicable, pass, serviceNode } from './outcomes';

const communicatesThroughApis: CheckDefinition = {
  id: 'network-latency.communicates-through-apis',
  principle: 'network-latency',
  title: 'Talks to services through APIs',
  description:
    'No `dependsOn` straight to another service Component: services talk through `consumesApis`.',
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const direct = [
      ...new Set(
        graph
          .upstreamOf(node.ref)
          .flatMap(({ to, via }) =>
            via !== 'consumesApis' && graph.isService(to) ? [to] : [],
          ),
      ),
    ];
    if (direct.length === 0) {
      return pass('Depends on no other service directly.');
    }
    const apisOf = (ref: string) =>
      graph.node(ref)!.providesApis.map(api => api.ref ?? api.text);
    const suggestions = direct.map(ref => {
      const apis = apisOf(ref);
      return apis.length > 0
        ? `for \`${ref}\` consume ${listRefs(apis)}`
        : `\`${ref}\` provides no API yet: add one to its \`spec.providesApis\``;
    });
    return fail(
      `Depends directly on other services: ${listRefs(direct)}.`,
      `Replace these direct dependencies (\`spec.dependsOn\` here, or \`spec.dependencyOf\` on the other service) with \`spec.consumesApis\` entries naming the APIs the services provide (${suggestions.join(
        '; ',
      )}).`,
      direct,
    );
  },
};

/** Whether an API entity carries a definition (inline text, or a `$text`-style placeholder). */
function hasDefinition(apiRef: string, graph: CatalogGraph): boolean {
  const definition = specOf(graph.node(apiRef)!.entity).definition;
  return (
    stringValue(definition) !== undefined ||
    (isObject(definition) && Object.keys(definition).length > 0)
  );
}

const apisDefined: CheckDefinition = {
  id: 'network-latency.apis-defined',
  principle: 'network-latency',
  title: 'Provided APIs are defined',
  description:
    'Every API it provides exists and has a non-empty `spec.definition`.',
  defaultWeight: 1,
  evaluate(service, { graph }) {
    const provided = serviceNode(service, graph).providesApis;
    if (provided.length === 0) {
      return notApplicable('Provides no API.');
    }
    const missing: string[] = [];
    const undefinedApis: string[] = [];
    for (const { ref, text } of provided) {
      if (!ref || graph.node(ref)?.kind !== 'api') {
        missing.push(ref ?? text);
      } else if (!hasDefinition(ref, graph)) {
        undefinedApis.push(ref);
      }
    }
    if (missing.length === 0 && undefinedApis.length === 0) {
      return pass(
        `Every API it provides has a definition: ${listRefs(
          provided.map(api => api.ref!),
        )}.`,
      );
    }
    const problems = [
      missing.length > 0 ? `no API entity exists for ${listRefs(missing)}` : '',
      undefinedApis.length > 0
        ? `${listRefs(undefinedApis)} ha${
            undefinedApis.length === 1 ? 's' : 've'
          } an empty \`spec.definition\``
        : '',
    ].filter(Boolean);
    return fail(
      `Some provided APIs are not defined: ${problems.join('; ')}.`,
      'Register a `kind: API` entity for each entry of `spec.providesApis`, with its OpenAPI/AsyncAPI/GraphQL/gRPC document in `spec.definition` (inline or `$text: <url>`).',
      [...missing, ...undefinedApis],
    );
  },
};

export const networkLatencyChecks: CheckDefinition[] = [
  communicatesThroughApis,
  apisDefined,
];
