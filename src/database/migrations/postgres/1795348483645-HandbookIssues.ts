import { MigrationInterface, QueryRunner } from "typeorm";

export class HandbookIssues1795348483645 implements MigrationInterface {
    name = 'HandbookIssues1795348483645'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "handbook_issues" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "officerId" uuid, "printedBy" character varying(64), "printedAt" TIMESTAMP NOT NULL, "contentHash" character varying(64) NOT NULL, "format" character varying(8) NOT NULL, "options" text NOT NULL, CONSTRAINT "PK_b979ac4903ac13d97d432f4a3d5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_handbook_issues_case" ON "handbook_issues" ("caseId", "printedAt") `);
        await queryRunner.query(`ALTER TABLE "handbook_issues" ADD CONSTRAINT "FK_0a36037aaaa81c68d810133f948" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "handbook_issues" DROP CONSTRAINT "FK_0a36037aaaa81c68d810133f948"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_handbook_issues_case"`);
        await queryRunner.query(`DROP TABLE "handbook_issues"`);
    }

}
