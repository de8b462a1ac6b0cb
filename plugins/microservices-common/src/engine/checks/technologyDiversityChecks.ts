import { tagsOf } from '../graph/entityFields';
import type { CheckDefinition } from '../types';
import { pass, warn } from './outcomes';

const stackDeclared: CheckDefinition = {
  id: 'technology-diversity.stack-declared',
  principle: 'technology-diversity',
  title: 'Stack declared',
  description:
    'Has at least one `metadata.tags` entry naming its stack (informational).',
  defaultWeight: 0,
  evaluate(service) {
    const tags = tagsOf(service);
    if (tags.length > 0) {
      return pass(`Declares its stack in tags: ${tags.join(', ')}.`);
    }
    return warn(
      'Has no `metadata.tags`, so its stack is unknown.',
      'Add `metadata.tags` naming its languages and frameworks, e.g. `tags: [java, spring-boot]`.',
    );
  },
};

export const technologyDiversityChecks: CheckDefinition[] = [stackDeclared];
