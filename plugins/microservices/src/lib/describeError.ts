import { ResponseError } from '@backstage/errors';

/** A load failure as people read it: what happened and what to do, never a stack trace. */
export interface ErrorDescription {
  title: string;
  message: string;
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof ResponseError) return error.statusCode;
  const status = (
    error as { statusCode?: unknown; response?: { status?: unknown } }
  )?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** True when the backend answered 404: the service has no compliance result (yet). */
export function isNotFoundError(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** The backend's own message, without the "Request failed with 500 Internal Server Error" prefix. */
function messageOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function describeError(error: unknown, what: string): ErrorDescription {
  const status = statusOf(error);
  const message = messageOf(error);
  if (status === 401 || status === 403) {
    return {
      title: `Not allowed to read ${what}`,
      message: `The microservices backend refused the request (${status}): ${message}. Reading results needs the microservices.results.read permission.`,
    };
  }
  if (status === 404) {
    return { title: `No ${what} found`, message };
  }
  if (status === 400) {
    return {
      title: `The microservices backend did not understand the request for ${what}`,
      message,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      title: `The microservices backend failed to load ${what}`,
      message: `It answered ${status}: ${message}. Try again in a moment; if it persists, the backend's logs say why.`,
    };
  }
  if (error instanceof TypeError || /failed to fetch|network/i.test(message)) {
    return {
      title: `Could not reach the microservices backend to load ${what}`,
      message: `${message}. The backend may be down or restarting; try again in a moment.`,
    };
  }
  return { title: `Could not load ${what}`, message };
}
