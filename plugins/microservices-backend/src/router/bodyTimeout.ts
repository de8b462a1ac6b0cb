import { CustomErrorBase } from '@backstage/errors';
import type express from 'express';

/** How long a request body may take to arrive, from the first byte of the request on. */
export const BODY_READ_TIMEOUT_MS = 10_000;

/** 408: the body did not arrive in time (declared longer than what was sent, or too slow). */
export class RequestTimeoutError extends CustomErrorBase {
  readonly name = 'RequestTimeoutError';
  readonly statusCode = 408;
}

/**
 * Bounds reading a body in time: a request that declares a `Content-Length` it never sends
 * gets a 408 after `timeoutMs` instead of holding its connection open, and the connection is
 * closed after the answer (what is left of the body would be read as the next request).
 */
export function withBodyTimeout<T>(
  req: express.Request,
  res: express.Response,
  reading: Promise<T>,
  timeoutMs = BODY_READ_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
      reject(
        new RequestTimeoutError(
          `The request body did not arrive within ${timeoutMs / 1000} s`,
        ),
      );
    }, timeoutMs);
  });
  return Promise.race([reading, timeout]).finally(() => clearTimeout(timer));
}
