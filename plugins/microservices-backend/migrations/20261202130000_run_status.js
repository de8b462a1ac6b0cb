// @ts-check

/**
 * Failed evaluation runs are recorded too (issue 10): a run that could not read the catalog or
 * write its results leaves the earlier results served, marked stale.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('microservices_runs', table => {
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('succeeded')
      .comment('succeeded or failed');
    table.text('error').nullable().comment('Why a failed run failed (first 1000 characters)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('microservices_runs', table => {
    table.dropColumn('error');
    table.dropColumn('status');
  });
};
