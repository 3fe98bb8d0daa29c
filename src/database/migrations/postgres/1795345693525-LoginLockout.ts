import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginLockout1795345693525 implements MigrationInterface {
  name = 'LoginLockout1795345693525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "officers" ADD "failedLoginCount" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "officers" ADD "lockedUntil" TIMESTAMP`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "lockedUntil"`);
    await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "failedLoginCount"`);
  }
}
