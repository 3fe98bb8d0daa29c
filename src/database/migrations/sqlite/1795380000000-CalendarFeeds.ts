import { MigrationInterface, QueryRunner } from 'typeorm';

/** Officers' secret calendar links (hashes only). Generated with the TypeORM CLI, then tidied into one CREATE TABLE. */
export class CalendarFeeds1795380000000 implements MigrationInterface {
  name = 'CalendarFeeds1795380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" varchar PRIMARY KEY NOT NULL, "officerId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "lastUsedAt" datetime, "revokedAt" datetime, CONSTRAINT "FK_41820c061f3ed7c22e62e516d16" FOREIGN KEY ("officerId") REFERENCES "officers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_feeds_token_hash" ON "calendar_feeds" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_calendar_feeds_officer" ON "calendar_feeds" ("officerId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_calendar_feeds_officer"`);
    await queryRunner.query(`DROP INDEX "UQ_calendar_feeds_token_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
