import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { ValidateProposalResponse } from '@microservices-backstage/plugin-microservices-common';

/** An error as the backend or the catalog words it: its name and message, and the status. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly errorName?: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The `{error: {name, message}}` of a Backstage error response, or the plain message. */
export function serverErrorOf(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  const e = error as {
    message?: string;
    statusCode?: number;
    response?: { status?: number };
    body?: {
      error?: { name?: string; message?: string };
      response?: { statusCode?: number };
    };
  };
  const body = e?.body?.error;
  return new ServerError(
    body?.message ?? e?.message ?? String(error),
    e?.body?.response?.statusCode ?? e?.response?.status ?? e?.statusCode,
    body?.name,
  );
}

/** `POST /api/microservices/validate`: YAML text or entities (JSON). */
export async function validateProposal(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  proposal: { yaml: string } | { entities: Entity[] },
): Promise<ValidateProposalResponse> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('microservices');
  const isYaml = 'yaml' in proposal;
  const response = await apis.fetchApi.fetch(`${baseUrl}/validate`, {
    method: 'POST',
    headers: {
      'Content-Type': isYaml ? 'application/yaml' : 'application/json',
    },
    body: isYaml ? proposal.yaml : JSON.stringify(proposal.entities),
  });
  if (!response.ok) {
    let name: string | undefined;
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      name = body?.error?.name;
      message = body?.error?.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ServerError(message, response.status, name);
  }
  return response.json();
}

/** The entities the catalog would read from a URL (a dry-run of registering it). */
export async function analyzeUrl(catalogApi: CatalogApi, target: string) {
  const result = await catalogApi.addLocation({
    type: 'url',
    target,
    dryRun: true,
  });
  return { exists: result.exists ?? false, entities: result.entities };
}
