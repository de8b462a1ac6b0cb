// @ts-check

/**
 * Latest result per service, score history and evaluation runs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('microservices_service_results', table => {
    table.comment('The latest compliance result of each service');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable().index();
    table.string('system', 255).nullable().index();
    table.string('domain', 255).nullable().index();
    table.string('lifecycle', 255).nullable();
    table.integer('score').notNullable();
    table.string('level', 255).notNullable();
    table.text('failing_principles').notNullable().comment('JSON array');
    table.text('failing_checks').notNullable().comment('JSON array');
    table.integer('dependency_count').notNullable();
    table.integer('dependent_count').notNullable();
    table.text('checks').notNullable().comment('JSON array of CheckResult');
    table.text('upstream').notNullable().comment('JSON array of DependencyRef');
    table.text('downstream').notNullable().comment('JSON array of DependencyRef');
    table.string('evaluated_at', 32).notNullable().comment('ISO 8601, UTC');
  });

  await knex.schema.createTable('microservices_score_history', table => {
    table.comment('Score of each service at each evaluation');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.integer('score').notNullable();
    table.string('level', 255).notNullable();
    table.string('evaluated_at', 32).notNullable();
    table.index(['entity_ref', 'evaluated_at'], 'microservices_history_ref_time_idx');
    table.index(['evaluated_at'], 'microservices_history_time_idx');
  });

  await knex.schema.createTable('microservices_runs', table => {
    table.comment('One row per completed evaluation of the whole catalog');
    table.bigIncrements('id').primary();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).notNullable().index();
    table.integer('service_count').notNullable();
    table.text('cycles').notNullable().comment('JSON array of arrays of entity refs');
    table
      .text('shared_datastores')
      .notNullable()
      .comment('JSON array of {datastoreRef, services, owners}');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('microservices_runs');
  await knex.schema.dropTable('microservices_score_history');
  await knex.schema.dropTable('microservices_service_results');
};
