import { CustomErrorBase } from '@backstage/errors';

/*
 * Errors for the statuses @backstage/errors has no class for. Backstage's error handler
 * answers with an error's numeric `statusCode` and a JSON body naming the error.
 */

/** 429: the caller asked too often; `retryAfterSeconds` goes into `Retry-After`. */
export class TooManyRequestsError extends CustomErrorBase {
  readonly name = 'TooManyRequestsError';
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** 405: the path exists, the method does not. */
export class MethodNotAllowedError extends CustomErrorBase {
  readonly name = 'MethodNotAllowedError';
  readonly statusCode = 405;
}
