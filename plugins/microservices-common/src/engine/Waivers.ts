import type { Entity } from '@backstage/catalog-model';
import { isIsoDate } from './dates';
import { isObject } from './graph/entityFields';
import { normalizeEntityRef } from './graph/entityRefs';
import type { CheckResult, Exemption } from './types';

/**
 * A service waives check `<id>` with the annotation `<prefix><id>: "YYYY-MM-DD: reason"`.
 *
 * @public
 */
export const EXEMPTION_ANNOTATION_PREFIX = 'microservices.backstage.io/exempt.';

type Waiver = NonNullable<CheckResult['exemption']>;

export interface WaiverLookup {
  /** The waiver in force, if any. */
  waiver?: Waiver;
  /** Why waivers found were not applied, to append to the result message. */
  notes: string[];
}

const ANNOTATION_VALUE = /^(\S+)\s*:\s*(.*)$/s;
const NO_WAIVER: WaiverLookup = Object.freeze({ notes: [] });
const noWaiver = () => NO_WAIVER;

/**
 * The exemptions of one evaluation: from service annotations and from
 * config. A waiver applies through its expiry day (UTC); expired and
 * malformed waivers are not applied but reported.
 */
const NO_EXEMPTIONS: readonly Exemption[] = [];

export class Waivers {
  private readonly fromConfig = new Map<string, Exemption[]>();

  constructor(
    exemptions: readonly Exemption[],
    private readonly today: string,
  ) {
    for (const exemption of exemptions) {
      const ref = normalizeEntityRef(String(exemption.entityRef));
      const key = `${ref}\n${exemption.check}`;
      this.fromConfig.set(key, [
        ...(this.fromConfig.get(key) ?? []),
        exemption,
      ]);
    }
  }

  /** The waiver lookup for one service; its annotations are scanned once. */
  forService(
    service: Entity,
    serviceRef: string,
  ): (checkId: string) => WaiverLookup {
    let annotated: Map<string, unknown> | undefined;
    const annotations = isObject(service.metadata)
      ? service.metadata.annotations
      : undefined;
    if (isObject(annotations)) {
      for (const key of Object.keys(annotations)) {
        if (key.startsWith(EXEMPTION_ANNOTATION_PREFIX)) {
          annotated ??= new Map();
          annotated.set(
            key.slice(EXEMPTION_ANNOTATION_PREFIX.length),
            annotations[key],
          );
        }
      }
    }
    if (!annotated && this.fromConfig.size === 0) {
      return noWaiver; // the common case: nothing to look up per check
    }
    const waived = annotated ?? new Map<string, unknown>();
    return checkId => {
      const configured =
        this.fromConfig.size === 0
          ? NO_EXEMPTIONS
          : this.fromConfig.get(`${serviceRef}\n${checkId}`) ?? NO_EXEMPTIONS;
      if (!waived.has(checkId) && configured.length === 0) {
        return NO_WAIVER;
      }
      const notes: string[] = [];
      const candidates = [
        this.fromAnnotation(checkId, waived.get(checkId), notes),
        ...configured.map(exemption => this.fromConfigEntry(exemption, notes)),
      ];
      for (const candidate of candidates) {
        if (!candidate) continue;
        if (candidate.expires !== undefined && candidate.expires < this.today) {
          notes.push(`waiver expired on ${candidate.expires}`);
        } else {
          return { waiver: candidate, notes: [] };
        }
      }
      return { notes };
    };
  }

  private fromAnnotation(
    checkId: string,
    value: unknown,
    notes: string[],
  ): Waiver | undefined {
    if (value === undefined) {
      return undefined;
    }
    const key = `${EXEMPTION_ANNOTATION_PREFIX}${checkId}`;
    const match =
      typeof value === 'string' ? ANNOTATION_VALUE.exec(value.trim()) : null;
    const [, expires, reason] = match ?? [];
    if (!expires || !isIsoDate(expires) || !reason?.trim()) {
      notes.push(
        `waiver ignored: annotation ${key} must read "YYYY-MM-DD: reason", found ${JSON.stringify(
          value,
        )}`,
      );
      return undefined;
    }
    return { reason: reason.trim(), expires, source: 'annotation' };
  }

  private fromConfigEntry(
    exemption: Exemption,
    notes: string[],
  ): Waiver | undefined {
    const reason =
      typeof exemption.reason === 'string' ? exemption.reason.trim() : '';
    const expires = exemption.expires;
    if (!reason || (expires !== undefined && !isIsoDate(String(expires)))) {
      notes.push(
        'waiver ignored: its microservices.exemptions entry needs a reason and an expiry written YYYY-MM-DD',
      );
      return undefined;
    }
    return expires === undefined
      ? { reason, source: 'config' }
      : { reason, expires, source: 'config' };
  }
}
