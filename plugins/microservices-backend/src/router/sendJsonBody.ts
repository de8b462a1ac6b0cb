import type { Response } from 'express';
import type { JsonBody } from '../service/JsonBody';

/**
 * Sends a body serialized beforehand; express answers 304 to a matching If-None-Match as for
 * `res.json`, without hashing the body again (the ETag is set).
 */
export function sendJsonBody(res: Response, body: JsonBody): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', body.etag);
  res.send(body.bytes);
}
