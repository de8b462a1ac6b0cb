import { z } from 'zod';
import {
  HEALTH_HISTORY_MAX_LIMIT,
  HEALTH_STATUSES,
  HISTORY_MAX_LIMIT,
  MAX_FILTER_VALUES,
  SERVICE_LIST_MAX_LIMIT,
  SERVICE_SORT_FIELDS,
  SUMMARY_HISTORY_MAX_LIMIT,
} from '@microservices-backstage/plugin-microservices-common';

/** `?owner=a&owner=b` and `?owner=a,b` both give `['a', 'b']`. */
const list = (item: z.ZodString) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(MAX_FILTER_VALUES));

const ref = z.string().max(255);
const id = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes');
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * An instant (`2026-12-02T03:12:04-03:00`, `...Z`) or a day (`2026-12-02`, midnight UTC), as
 * the stored UTC form (`toISOString`), so that comparing stored instants compares time.
 */
const instant = z
  .string()
  .datetime({ offset: true })
  .or(z.string().date())
  .transform(value => new Date(value).toISOString());

/** Free text without control characters: a NUL would cut an SQL LIKE pattern short. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const serviceListQuerySchema = z
  .object({
    owner: list(ref),
    system: list(ref),
    domain: list(ref),
    lifecycle: list(ref),
    level: list(ref),
    failingPrinciple: list(id),
    failingCheck: list(id),
    health: z
      .union([z.string(), z.array(z.string())])
      .transform(v =>
        (Array.isArray(v) ? v : [v])
          .flatMap(s => s.split(','))
          .map(s => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(HEALTH_STATUSES)).max(HEALTH_STATUSES.length)),
    search: text(200),
    orderBy: z.enum(SERVICE_SORT_FIELDS),
    order: z.enum(['asc', 'desc']),
    offset: integer(0, 1_000_000),
    limit: integer(1, SERVICE_LIST_MAX_LIMIT),
  })
  .partial()
  .strict();

export const historyQuerySchema = z
  .object({
    limit: integer(1, HISTORY_MAX_LIMIT),
    since: instant,
  })
  .partial()
  .strict();

/** `GET /services/:namespace/:name/health`. */
export const healthHistoryQuerySchema = z
  .object({
    limit: integer(1, HEALTH_HISTORY_MAX_LIMIT),
    since: instant,
  })
  .partial()
  .strict();

export const summaryHistoryQuerySchema = z
  .object({ limit: integer(1, SUMMARY_HISTORY_MAX_LIMIT) })
  .partial()
  .strict();

/** Entity names and namespaces as Backstage allows them. */
export const entityNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'is not a valid entity name');

/** Routes that take no query parameter refuse any, like the others refuse unknown ones. */
export const noQuerySchema = z.object({}).strict();

/** At most this many problems are named in one message (the rest are counted). */
const MAX_ISSUES = 3;

/** Turns a zod error into one readable sentence, short whatever the input's size. */
export function describeZodError(error: z.ZodError): string {
  const more = error.issues.length - MAX_ISSUES;
  const shown = error.issues
    .slice(0, MAX_ISSUES)
    .map(issue => {
      const where = issue.path.length ? `'${issue.path.join('.')}'` : 'request';
      if (issue.code === 'unrecognized_keys') {
        return `unknown query parameter(s): ${issue.keys.join(', ')}`;
      }
      return `${where} ${issue.message}`;
    })
    .map(sentence => (sentence.length > 300 ? `${sentence.slice(0, 300)}...` : sentence))
    .join('; ');
  return more > 0 ? `${shown}; and ${more} more problem(s)` : shown;
}
