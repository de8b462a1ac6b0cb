import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

/** Who a caller acts as: the user's entity ref, or `service:<subject>`. */
export function principalKey(credentials: BackstageCredentials): string {
  const { principal } = credentials as BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}
