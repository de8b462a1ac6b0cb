import type { CheckDefinition } from '../types';
import { apiAuthentication, AuthenticationFinding } from './apiAuthentication';
import { fail, notApplicable, pass, serviceNode, warn } from './outcomes';

const apiAuthenticationCheck: CheckDefinition = {
  id: 'security.api-authentication',
  principle: 'security',
  title: 'Provided APIs declare authentication',
  description:
    'Every API it provides declares authentication in its definition (OpenAPI `components.securitySchemes`/`securityDefinitions`, AsyncAPI `components.securitySchemes`); other API types warn.',
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const provided = serviceNode(service, graph).providesApis;
    if (provided.length === 0) {
      return notApplicable('Provides no API.');
    }
    const findings = provided.map(({ ref, text }) => {
      const api = ref ? graph.node(ref) : undefined;
      const finding: AuthenticationFinding =
        api?.kind === 'api'
          ? apiAuthentication(api.entity)
          : {
              status: 'warn',
              detail: 'cannot be checked: no API entity exists for it',
            };
      return { api: ref ?? text, ...finding };
    });
    const related = findings.map(finding => finding.api);
    const describe = (status: string) =>
      findings
        .filter(finding => finding.status === status)
        .map(finding => `\`${finding.api}\` ${finding.detail}`)
        .join('; ');
    if (findings.some(finding => finding.status === 'fail')) {
      return fail(
        `Not every provided API declares authentication: ${describe('fail')}.`,
        'In the definition (`spec.definition`) of each of these APIs, declare how clients authenticate: `components.securitySchemes` (OpenAPI 3, AsyncAPI) or `securityDefinitions` (Swagger 2), and require it with `security`.',
        related,
      );
    }
    if (findings.some(finding => finding.status === 'warn')) {
      return warn(
        `Authentication could not be checked for every provided API: ${describe(
          'warn',
        )}.`,
        'Describe these APIs with an inline OpenAPI or AsyncAPI `spec.definition` that declares `components.securitySchemes`, or waive this check with a reason.',
        related,
      );
    }
    return pass(
      `Every provided API declares authentication: ${describe('pass')}.`,
      related,
    );
  },
};

export const securityChecks: CheckDefinition[] = [apiAuthenticationCheck];
