/**
 * The message of anything thrown. Duck-typed: errors from Node's internals
 * are not `instanceof Error` of another realm (as under jest).
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
