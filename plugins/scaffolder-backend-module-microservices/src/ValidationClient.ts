import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { ValidateProposalResponse } from '@microservices-backstage/plugin-microservices-common';

/**
 * Scores proposed entities against the live catalog: `POST /api/microservices/validate`.
 *
 * @public
 */
export interface ValidationClient {
  validate(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<ValidateProposalResponse>;
}

/**
 * Calls the microservices backend on behalf of the task's initiator.
 *
 * @public
 */
export class HttpValidationClient implements ValidationClient {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async validate(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<ValidateProposalResponse> {
    const baseUrl = await this.discovery.getBaseUrl('microservices');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'microservices',
    });
    const response = await fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(entities),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as ValidateProposalResponse;
  }
}
