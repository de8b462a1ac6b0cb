import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

/** The policies the catalog applies to every entity by default (CatalogBuilder). */
const catalogPolicy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);

/** The kinds the catalog's built-in processor accepts, with their apiVersions. */
const builtInKindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
];

/**
 * Templates, as the scaffolder's entity model module (installed with the scaffolder) lets
 * the catalog accept them; their spec is the scaffolder's to validate.
 */
const templateKindValidator: KindValidator = {
  async check(entity) {
    return (
      entity.kind === 'Template' &&
      entity.apiVersion === 'scaffolder.backstage.io/v1beta3'
    );
  },
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function refOf(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${String(entity?.kind)}:${String(entity?.metadata?.name)}`;
  }
}

/**
 * Why the Backstage catalog would refuse an entity, in the catalog's own
 * words (its default entity policies, then its built-in kind validators and the
 * scaffolder's Template kind), or
 * undefined when it would accept it. Uses `@backstage/catalog-model`'s
 * validators, so the answer follows the catalog's release.
 *
 * @public
 */
export async function catalogEntityProblem(
  entity: unknown,
  options: { extraKindValidators?: KindValidator[] } = {},
): Promise<string | undefined> {
  let enforced: Entity | undefined;
  try {
    enforced = await catalogPolicy.enforce(entity as Entity);
  } catch (error) {
    return `Policy check failed for ${refOf(entity as Entity)}: ${errorMessage(
      error,
    )}`;
  }
  if (!enforced) return 'Policy unexpectedly returned no data';
  const validators = [
    ...builtInKindValidators,
    templateKindValidator,
    ...(options.extraKindValidators ?? []),
  ];
  for (const validator of validators) {
    try {
      if (await validator.check(enforced)) return undefined;
    } catch (error) {
      return `${refOf(enforced)}: ${errorMessage(error)}`;
    }
  }
  return `No processor recognized the entity ${refOf(
    enforced,
  )} as valid, possibly caused by a foreign kind or apiVersion`;
}
