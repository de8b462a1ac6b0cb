// @ts-check

/**
 * Indexes for every sort and filter of `GET /services` (issue 11): the list is paged in SQL,
 * so a page sorted by a column reads that column's index instead of sorting every result;
 * the health filter and sort join the latest health by ref and read its status.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('microservices_service_results', table => {
    table.index(['name', 'entity_ref'], 'microservices_results_name_idx');
    table.index(['score', 'entity_ref'], 'microservices_results_score_idx');
    table.index(
      ['lifecycle', 'entity_ref'],
      'microservices_results_lifecycle_idx',
    );
    table.index(
      ['dependency_count', 'entity_ref'],
      'microservices_results_dependency_count_idx',
    );
    table.index(
      ['dependent_count', 'entity_ref'],
      'microservices_results_dependent_count_idx',
    );
    table.index(
      ['evaluated_at', 'entity_ref'],
      'microservices_results_evaluated_at_idx',
    );
  });
  await knex.schema.alterTable('microservices_health_latest', table => {
    table.index(
      ['status', 'entity_ref'],
      'microservices_health_latest_status_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('microservices_health_latest', table => {
    table.dropIndex(
      ['status', 'entity_ref'],
      'microservices_health_latest_status_idx',
    );
  });
  await knex.schema.alterTable('microservices_service_results', table => {
    table.dropIndex(['name', 'entity_ref'], 'microservices_results_name_idx');
    table.dropIndex(['score', 'entity_ref'], 'microservices_results_score_idx');
    table.dropIndex(
      ['lifecycle', 'entity_ref'],
      'microservices_results_lifecycle_idx',
    );
    table.dropIndex(
      ['dependency_count', 'entity_ref'],
      'microservices_results_dependency_count_idx',
    );
    table.dropIndex(
      ['dependent_count', 'entity_ref'],
      'microservices_results_dependent_count_idx',
    );
    table.dropIndex(
      ['evaluated_at', 'entity_ref'],
      'microservices_results_evaluated_at_idx',
    );
  });
};
