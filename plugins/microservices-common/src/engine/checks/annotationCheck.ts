import { annotationsOf, firstAnnotation } from '../graph/entityFields';
import type {
  CheckDefinition,
  CheckOutcome,
  EngineConfig,
  PrincipleId,
} from '../types';
import { fail, notApplicable, pass } from './outcomes';

export interface AnnotationCheckOptions {
  id: string;
  principle: PrincipleId;
  title: string;
  defaultWeight: number;
  /** The configured annotation list any one of which satisfies the check. */
  list: keyof EngineConfig['annotations'];
  /** What the annotation declares, without article, e.g. `CI/CD pipeline`. */
  subject: string;
}

/** A check that passes when the service has one of a configured list of annotations. */
export function annotationCheck(
  options: AnnotationCheckOptions,
): CheckDefinition {
  const { id, principle, title, defaultWeight, list, subject } = options;
  // One failure per configured list: a large catalog fails these checks
  // thousands of times with the same long text.
  const failures = new WeakMap<readonly string[], CheckOutcome>();
  const failureFor = (keys: readonly string[]) => {
    let failure = failures.get(keys);
    if (!failure) {
      failure = fail(
        `Declares no ${subject}: none of the annotations ${keys
          .map(key => `\`${key}\``)
          .join(', ')} is set.`,
        `Add one of these annotations under \`metadata.annotations\`, e.g. \`${keys[0]}: <value>\`.`,
      );
      failures.set(keys, failure);
    }
    return { ...failure };
  };
  return {
    id,
    principle,
    title,
    description: `Declares its ${subject}: has one of the \`annotations.${list}\` annotations.`,
    defaultWeight,
    evaluate(service, { config }) {
      const keys = config.annotations[list];
      if (keys.length === 0) {
        return notApplicable(
          `No annotation is configured for ${subject}: \`microservices.annotations.${list}\` is empty.`,
        );
      }
      const found = firstAnnotation(annotationsOf(service), keys);
      if (found) {
        return pass(`Has the ${subject} annotation \`${found}\`.`);
      }
      return failureFor(keys);
    },
  };
}
