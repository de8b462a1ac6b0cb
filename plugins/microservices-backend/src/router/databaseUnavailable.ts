import { ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/** Seconds a client is asked to wait when the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL SQLSTATEs of a server that is shutting down, starting or unreachable. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '53300', // too_many_connections
]);

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'SQLITE_BUSY',
]);

/** Whether an error means the database cannot be reached now (not a bug in a query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { code, name, message, cause } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code))
    ) {
      return true;
    }
    if (name === 'KnexTimeoutError') return true; // no connection from the pool in time
    if (
      typeof message === 'string' &&
      /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)/i.test(
        message,
      )
    ) {
      return true;
    }
    e = cause;
  }
  return false;
}

/**
 * Answers a request that failed because the database is away with 503, `Retry-After` and a
 * short JSON message (Backstage's error handler writes it), instead of a 500 that names the
 * driver's error. Other errors pass on unchanged.
 */
export const databaseUnavailableHandler: ErrorRequestHandler = (
  error,
  _req,
  res,
  next,
) => {
  if (!res.headersSent && isDatabaseUnavailable(error)) {
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    next(
      new ServiceUnavailableError(
        'The microservices database is unavailable; try again shortly',
      ),
    );
    return;
  }
  next(error);
};
