import { NotFoundError } from '@backstage/errors';
import type { RequestHandler } from 'express';

/**
 * After every route: a path under /api/microservices that is no route gets a 404 with a JSON
 * body like every other error (Backstage's default 404 has an empty body). The path is cut
 * short in the message: it is the caller's input.
 */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  const path = `${req.baseUrl}${req.path}`;
  next(
    new NotFoundError(
      `No such route: ${req.method} ${
        path.length > 100 ? `${path.slice(0, 100)}...` : path
      }`,
    ),
  );
};
