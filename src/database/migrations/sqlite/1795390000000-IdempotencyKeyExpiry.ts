import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys are forgotten a day after use (ExpiredRowsPurger): an index to find the
 * old ones without reading the whole table.
 */
export class IdempotencyKeyExpiry1795390000000 implements MigrationInterface {
  name = 'IdempotencyKeyExpiry1795390000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys" ("createdAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_idempotency_keys_created"`);
  }
}
