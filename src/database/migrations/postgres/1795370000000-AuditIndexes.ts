import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the supervisor audit (src/audit).
 *
 * IDX_scheduled_updates_team_report covers everything the missed-updates report filters and
 * ranks on, and everything the compliance report groups and counts, so both read a team's date
 * range from the index alone instead of fetching every row of it from the table (at national
 * scale, 5,000 rows a month for a busy team: 80 ms against 3 ms).
 *
 * IDX_scheduled_updates_wellbeing_check finds a wellbeing check's follow-up (the list of
 * high-risk checks without one); it also serves the foreign key's ON DELETE SET NULL, which
 * otherwise scans scheduled_updates for every wellbeing check deleted.
 */
export class AuditIndexes1795370000000 implements MigrationInterface {
  name = 'AuditIndexes1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_scheduled_updates_wellbeing_check" ON "scheduled_updates" ("wellbeingCheckId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_scheduled_updates_team_report" ON "scheduled_updates" ("teamId", "dueDate", "status", "daysLate", "officerId", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_team_report"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_wellbeing_check"`);
  }
}
