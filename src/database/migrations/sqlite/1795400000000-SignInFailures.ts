import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per address, in the database so that every instance counts the same ones
 * (AuthService's address throttle): by address and time for the count, by time for the clear-out.
 */
export class SignInFailures1795400000000 implements MigrationInterface {
  name = 'SignInFailures1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_failures" ("id" varchar PRIMARY KEY NOT NULL, "address" varchar(64) NOT NULL, "failedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failures_time" ON "sign_in_failures" ("failedAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failures_address_time" ON "sign_in_failures" ("address", "failedAt") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sign_in_failures_address_time"`);
    await queryRunner.query(`DROP INDEX "IDX_sign_in_failures_time"`);
    await queryRunner.query(`DROP TABLE "sign_in_failures"`);
  }
}
