import { annotationsOf, firstAnnotation } from '../graph/entityFields';
import type { CheckDefinition } from '../types';
import { annotationCheck } from './annotationCheck';
import { fail, pass } from './outcomes';

const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';

/** Annotations that name a repository by its slug or id. */
export const REPOSITORY_SLUG_ANNOTATIONS = [
  'github.com/project-slug',
  'gitlab.com/project-slug',
  'gitlab.com/project-id',
  'bitbucket.com/project-slug',
  'dev.azure.com/project-repo',
];

/** A `url:` location with an http(s) URL, as Backstage writes repository locations. */
function isRepositoryLocation(location: string | undefined): boolean {
  if (!location?.startsWith('url:')) {
    return false;
  }
  try {
    const { protocol } = new URL(location.slice('url:'.length));
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const sourceRepository: CheckDefinition = {
  id: 'continuous-delivery.source-repository',
  principle: 'continuous-delivery',
  title: 'Source is in a repository',
  description:
    '`backstage.io/source-location` (or a `url:` `backstage.io/managed-by-location`) points at a repository, or a repository slug annotation is present.',
  defaultWeight: 2,
  evaluate(service) {
    const annotations = annotationsOf(service);
    const sourceLocation = annotations[SOURCE_LOCATION];
    if (isRepositoryLocation(sourceLocation)) {
      return pass(`Its source location is \`${sourceLocation}\`.`);
    }
    const managedBy = annotations[MANAGED_BY_LOCATION];
    if (isRepositoryLocation(managedBy)) {
      return pass(
        `It is registered from the repository location \`${managedBy}\`.`,
      );
    }
    const slug = firstAnnotation(annotations, REPOSITORY_SLUG_ANNOTATIONS);
    if (slug) {
      return pass(
        `Names its repository with \`${slug}: ${annotations[slug]}\`.`,
      );
    }
    const seen = sourceLocation
      ? `\`${SOURCE_LOCATION}\` is \`${sourceLocation}\`, not a \`url:\` repository location, and no repository slug annotation is set.`
      : `Has no \`${SOURCE_LOCATION}\` annotation, is not registered from a \`url:\` location, and has no repository slug annotation.`;
    return fail(
      seen,
      `Add \`metadata.annotations.${SOURCE_LOCATION}: url:https://<host>/<org>/<repo>/tree/<branch>/\`, or a slug annotation such as \`github.com/project-slug: <org>/<repo>\`.`,
    );
  },
};

export const continuousDeliveryChecks: CheckDefinition[] = [
  annotationCheck({
    id: 'continuous-delivery.ci-cd',
    principle: 'continuous-delivery',
    title: 'CI/CD pipeline declared',
    defaultWeight: 3,
    list: 'ci',
    subject: 'CI/CD pipeline',
  }),
  sourceRepository,
];
