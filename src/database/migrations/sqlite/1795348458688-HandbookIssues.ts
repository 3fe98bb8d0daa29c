import { MigrationInterface, QueryRunner } from "typeorm";

export class HandbookIssues1795348458688 implements MigrationInterface {
    name = 'HandbookIssues1795348458688'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "handbook_issues" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "officerId" varchar, "printedBy" varchar(64), "printedAt" datetime NOT NULL, "contentHash" varchar(64) NOT NULL, "format" varchar(8) NOT NULL, "options" text NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_handbook_issues_case" ON "handbook_issues" ("caseId", "printedAt") `);
        await queryRunner.query(`DROP INDEX "IDX_handbook_issues_case"`);
        await queryRunner.query(`CREATE TABLE "temporary_handbook_issues" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "officerId" varchar, "printedBy" varchar(64), "printedAt" datetime NOT NULL, "contentHash" varchar(64) NOT NULL, "format" varchar(8) NOT NULL, "options" text NOT NULL, CONSTRAINT "FK_0a36037aaaa81c68d810133f948" FOREIGN KEY ("caseId") REFERENCES "cases" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_handbook_issues"("id", "caseId", "officerId", "printedBy", "printedAt", "contentHash", "format", "options") SELECT "id", "caseId", "officerId", "printedBy", "printedAt", "contentHash", "format", "options" FROM "handbook_issues"`);
        await queryRunner.query(`DROP TABLE "handbook_issues"`);
        await queryRunner.query(`ALTER TABLE "temporary_handbook_issues" RENAME TO "handbook_issues"`);
        await queryRunner.query(`CREATE INDEX "IDX_handbook_issues_case" ON "handbook_issues" ("caseId", "printedAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_handbook_issues_case"`);
        await queryRunner.query(`ALTER TABLE "handbook_issues" RENAME TO "temporary_handbook_issues"`);
        await queryRunner.query(`CREATE TABLE "handbook_issues" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "officerId" varchar, "printedBy" varchar(64), "printedAt" datetime NOT NULL, "contentHash" varchar(64) NOT NULL, "format" varchar(8) NOT NULL, "options" text NOT NULL)`);
        await queryRunner.query(`INSERT INTO "handbook_issues"("id", "caseId", "officerId", "printedBy", "printedAt", "contentHash", "format", "options") SELECT "id", "caseId", "officerId", "printedBy", "printedAt", "contentHash", "format", "options" FROM "temporary_handbook_issues"`);
        await queryRunner.query(`DROP TABLE "temporary_handbook_issues"`);
        await queryRunner.query(`CREATE INDEX "IDX_handbook_issues_case" ON "handbook_issues" ("caseId", "printedAt") `);
        await queryRunner.query(`DROP INDEX "IDX_handbook_issues_case"`);
        await queryRunner.query(`DROP TABLE "handbook_issues"`);
    }

}
