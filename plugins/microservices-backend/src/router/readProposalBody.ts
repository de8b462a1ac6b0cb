import { InputError } from '@backstage/errors';
import {
  VALIDATE_MAX_BODY_BYTES,
  VALIDATE_YAML_MEDIA_TYPES,
} from '@microservices-backstage/plugin-microservices-common';
import express from 'express';
import type { ProposalInput } from '../service/ProposalValidator';
import { withBodyTimeout } from './bodyTimeout';
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../service/proposalErrors';

const readText = express.text({
  type: () => true,
  limit: VALIDATE_MAX_BODY_BYTES,
});

/**
 * The body of `POST /validate`, read only here (no body parser on other routes) and only
 * after the caller is authorized: YAML or JSON text, at most VALIDATE_MAX_BODY_BYTES
 * (413 above it, refused from Content-Length before reading when given). Errors never
 * echo the body.
 */
export async function readProposalBody(
  req: express.Request,
  res: express.Response,
): Promise<ProposalInput> {
  let format: ProposalInput['format'];
  if (req.is([...VALIDATE_YAML_MEDIA_TYPES])) format = 'yaml';
  else if (req.is('application/json')) format = 'json';
  else {
    throw new UnsupportedMediaTypeError(
      `Content-Type must be one of ${[
        ...VALIDATE_YAML_MEDIA_TYPES,
        'application/json',
      ].join(', ')}`,
    );
  }
  // Bounded in time: a declared body that never comes gets a 408, not an open connection.
  const reading = new Promise<void>((resolve, reject) => {
    readText(req, res, (error?: unknown) => {
      if (!error) {
        resolve();
        return;
      }
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        reject(
          new PayloadTooLargeError(
            `The body is larger than the ${
              VALIDATE_MAX_BODY_BYTES / (1024 * 1024)
            } MB limit`,
          ),
        );
      } else if (
        type === 'charset.unsupported' ||
        type === 'encoding.unsupported'
      ) {
        reject(
          new UnsupportedMediaTypeError(
            'Unsupported charset or content encoding',
          ),
        );
      } else {
        reject(new InputError('Could not read the request body'));
      }
    });
  });
  await withBodyTimeout(req, res, reading);
  const text = typeof req.body === 'string' ? req.body : '';
  if (text.trim() === '')
    throw new InputError('Invalid proposal: the body is empty');
  return { format, text };
}
