import { createHash } from 'node:crypto';

/**
 * A JSON response serialized once and sent as is to every caller it is for, with its ETag:
 * the summary of 10,000 services is about 350 KB, and serializing and hashing it on every
 * request cost more than the rest of the request.
 */
export class JsonBody {
  readonly bytes: Buffer;
  /** Weak, as express makes them: the same body, the same tag. */
  readonly etag: string;

  constructor(value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value), 'utf8');
    this.etag = `W/"${this.bytes.length.toString(16)}-${createHash('sha1')
      .update(this.bytes)
      .digest('base64')
      .slice(0, 27)}"`;
  }
}
