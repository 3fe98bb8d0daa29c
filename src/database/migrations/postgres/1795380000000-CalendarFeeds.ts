import { MigrationInterface, QueryRunner } from 'typeorm';

/** Officers' secret calendar links (hashes only). Generated with the TypeORM CLI. */
export class CalendarFeeds1795380000000 implements MigrationInterface {
  name = 'CalendarFeeds1795380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "officerId" uuid NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP NOT NULL, "lastUsedAt" TIMESTAMP, "revokedAt" TIMESTAMP, CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_feeds_token_hash" ON "calendar_feeds" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_calendar_feeds_officer" ON "calendar_feeds" ("officerId") `);
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_41820c061f3ed7c22e62e516d16" FOREIGN KEY ("officerId") REFERENCES "officers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_41820c061f3ed7c22e62e516d16"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_calendar_feeds_officer"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calendar_feeds_token_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
