// @ts-check

/**
 * Live health (issue 7): the latest health of each service and every probe's result.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('microservices_health_latest', table => {
    table.comment(
      'The latest health of each service (probed or reported by a source)',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.string('status', 32).notNullable();
    table.string('checked_at', 32).notNullable().comment('ISO 8601, UTC');
    table.integer('latency_ms').nullable();
    table.integer('http_status').nullable();
    table.text('message').nullable();
    table.string('source', 100).notNullable();
  });

  await knex.schema.createTable('microservices_health_history', table => {
    table.comment('Each probe result, for uptime and the history chart');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('status', 32).notNullable();
    table.string('checked_at', 32).notNullable();
    table.integer('latency_ms').nullable();
    table.integer('http_status').nullable();
    table.text('message').nullable();
    table.index(
      ['entity_ref', 'checked_at'],
      'microservices_health_history_ref_time_idx',
    );
    table.index(['checked_at'], 'microservices_health_history_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('microservices_health_history');
  await knex.schema.dropTable('microservices_health_latest');
};
