// @ts-check

/**
 * The graph facts the engine derives per service (cycle, shared datastores, next level,
 * warnings), served with its detail.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('microservices_service_results', table => {
    table
      .text('facts')
      .nullable()
      .comment('JSON {cycle, sharedDatastores, nextLevel, warnings}');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('microservices_service_results', table => {
    table.dropColumn('facts');
  });
};
