import { MigrationInterface, QueryRunner } from 'typeorm';
import { retentionReviewDate } from '../../../cases/retention';
import { DEFAULT_RETENTION_SETTINGS } from '../../../settings/retention-settings';

/**
 * Retention: a review date on closed cases, the time a case's personal data was erased, and the
 * force setting for how long closed cases are kept. Cases already closed get their review date
 * from the default (24 months after closure), worked out here rather than in SQL so that both
 * engines agree on month ends.
 */
export class Retention1795360000000 implements MigrationInterface {
  name = 'Retention1795360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "retentionReviewDate" date`);
    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "erasedAt" datetime`);
    await queryRunner.query(`ALTER TABLE "force_settings" ADD COLUMN "retentionReviewMonths" integer NOT NULL DEFAULT (24)`);
    const closed: { id: string; closedDate: string }[] = await queryRunner.query(`SELECT "id", CAST("closedDate" AS TEXT) AS "closedDate" FROM "cases" WHERE "status" = 'closed' AND "closedDate" IS NOT NULL`);
    for (const { id, closedDate } of closed) {
      const day = closedDate.slice(0, 10);
      await queryRunner.query(`UPDATE "cases" SET "retentionReviewDate" = ? WHERE "id" = ?`, [retentionReviewDate(day, DEFAULT_RETENTION_SETTINGS.retentionReviewMonths), id]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "force_settings" DROP COLUMN "retentionReviewMonths"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "erasedAt"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "retentionReviewDate"`);
  }
}
