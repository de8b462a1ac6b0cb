import { CustomErrorBase } from '@backstage/errors';

/** 413: the body is over the route's cap (refused before it is parsed). */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly name = 'PayloadTooLargeError';
  readonly statusCode = 413;
}

/** 415: a body of a media type the route does not read. */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly name = 'UnsupportedMediaTypeError';
  readonly statusCode = 415;
}
