// @ts-check

/**
 * A hash of each result's content (issue 11): a run rewrites only the results that changed
 * and sets the time of the others, instead of deleting and inserting every service's
 * checks (about 6 KB a service) on every run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('microservices_service_results', table => {
    table
      .string('content_hash', 64)
      .nullable()
      .comment(
        'sha256 (base64) of the row but evaluated_at; null: written before it existed',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('microservices_service_results', table => {
    table.dropColumn('content_hash');
  });
};
