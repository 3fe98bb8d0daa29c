import { MigrationInterface, QueryRunner } from "typeorm";

export class Updates1795346282608 implements MigrationInterface {
    name = 'Updates1795346282608'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "wellbeing_checks" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "occurredAt" TIMESTAMP NOT NULL, "context" character varying(12) NOT NULL, "distressLevel" integer NOT NULL, "indicators" text NOT NULL, "trustedPersonPresent" boolean NOT NULL, "referrals" text NOT NULL, "actions" character varying(2000) NOT NULL DEFAULT '', "riskLevel" character varying(8) NOT NULL, "riskReasons" text NOT NULL, "officerId" uuid NOT NULL, "recordedAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_4fdd98576ac895a92a7ff14a097" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_wellbeing_checks_risk_occurred" ON "wellbeing_checks" ("riskLevel", "occurredAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_wellbeing_checks_case_occurred" ON "wellbeing_checks" ("caseId", "occurredAt") `);
        await queryRunner.query(`CREATE TABLE "supervisor_alerts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "teamId" uuid NOT NULL, "kind" character varying(24) NOT NULL, "wellbeingCheckId" uuid, "reasons" text NOT NULL, "raisedAt" TIMESTAMP NOT NULL, "raisedByOfficerId" uuid, "acknowledgedAt" TIMESTAMP, "acknowledgedByOfficerId" uuid, CONSTRAINT "PK_607797cec265543fe2496f5c424" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_supervisor_alerts_case" ON "supervisor_alerts" ("caseId") `);
        await queryRunner.query(`CREATE INDEX "IDX_supervisor_alerts_team_ack" ON "supervisor_alerts" ("teamId", "acknowledgedAt", "raisedAt") `);
        await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "occurredAt" TIMESTAMP NOT NULL, "method" character varying(8) NOT NULL, "outcome" character varying(16) NOT NULL, "summary" character varying(2000) NOT NULL, "topicsCovered" text NOT NULL, "familyContactId" uuid, "officerId" uuid NOT NULL, "correctsContactId" uuid, "recordedAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_contacts_corrects" ON "contacts" ("correctsContactId") `);
        await queryRunner.query(`CREATE INDEX "IDX_contacts_officer_occurred" ON "contacts" ("officerId", "occurredAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_contacts_case_occurred" ON "contacts" ("caseId", "occurredAt") `);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "officerId" uuid NOT NULL, "key" character varying(200) NOT NULL, "requestHash" character varying(64) NOT NULL, "caseId" uuid NOT NULL, "recordType" character varying(40) NOT NULL, "recordId" uuid, "statusCode" integer NOT NULL DEFAULT '201', "responseBody" text, "createdAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_idempotency_keys_officer_key" ON "idempotency_keys" ("officerId", "key") `);
        await queryRunner.query(`CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "type" character varying(32) NOT NULL, "status" character varying(12) NOT NULL, "expectedDate" date, "doneDate" date, "note" character varying(1000) NOT NULL DEFAULT '', "recordedAt" TIMESTAMP NOT NULL, "dateChangedAt" TIMESTAMP, "updatedAt" TIMESTAMP NOT NULL, "recordedByOfficerId" uuid, CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_milestones_case" ON "milestones" ("caseId", "recordedAt") `);
        await queryRunner.query(`CREATE TABLE "force_settings" ("id" character varying(16) NOT NULL, "settings" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updatedAt" TIMESTAMP NOT NULL, "updatedByOfficerId" uuid, CONSTRAINT "PK_9b7083a2068131f0d51c891d317" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "scheduled_updates" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "key" character varying(80) NOT NULL, "reason" character varying(24) NOT NULL, "milestoneId" uuid, "wellbeingCheckId" uuid, "owedFrom" date NOT NULL, "dueDate" date NOT NULL, "status" character varying(12) NOT NULL, "metByContactId" uuid, "metAt" TIMESTAMP, "daysLate" integer, "riskLevel" character varying(8), "officerId" uuid, "teamId" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL, "updatedAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_3599a678f2c2984fe5977800ef9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_scheduled_updates_status_due" ON "scheduled_updates" ("status", "dueDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_scheduled_updates_officer_due" ON "scheduled_updates" ("officerId", "dueDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_scheduled_updates_team_due" ON "scheduled_updates" ("teamId", "dueDate") `);
        await queryRunner.query(`CREATE INDEX "IDX_scheduled_updates_case_due" ON "scheduled_updates" ("caseId", "dueDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_scheduled_updates_case_key" ON "scheduled_updates" ("caseId", "key") `);
        await queryRunner.query(`CREATE TABLE "update_declines" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "fromDate" date NOT NULL, "reviewDate" date NOT NULL, "endedOn" date, "note" character varying(1000) NOT NULL DEFAULT '', "recordedAt" TIMESTAMP NOT NULL, "recordedByOfficerId" uuid, "endedAt" TIMESTAMP, "endedByOfficerId" uuid, CONSTRAINT "PK_c9b232f30b6a9e460155c7db22c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_update_declines_case" ON "update_declines" ("caseId", "fromDate") `);
        await queryRunner.query(`ALTER TABLE "wellbeing_checks" ADD CONSTRAINT "FK_a8904be8989f5d8010340f33048" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "wellbeing_checks" ADD CONSTRAINT "FK_c0031fc4d0854194b0c77811bb4" FOREIGN KEY ("officerId") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "FK_84c80e7434d7183c66d58e2b395" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "FK_d3ba7ef08730014feed559c66c6" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "FK_e5651b25fbb726d14bcf8a7c2ac" FOREIGN KEY ("wellbeingCheckId") REFERENCES "wellbeing_checks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "FK_155a12d66de38ff2c7de5c123cd" FOREIGN KEY ("acknowledgedByOfficerId") REFERENCES "officers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_512977133bd48c3d652e23dab55" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_3cadd44b1418186ce47fa92b69f" FOREIGN KEY ("familyContactId") REFERENCES "family_contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_f8b4600baace648e0036c7699f5" FOREIGN KEY ("officerId") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_373dba7ab02e0f7b16462b59592" FOREIGN KEY ("correctsContactId") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "FK_5062aa54c0a2fdc7a4f9aea9e3d" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_9e16a5aee99519d7f6ed6b54396" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_b73d93f20fa536282cd8c469ac7" FOREIGN KEY ("milestoneId") REFERENCES "milestones"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_8ee5d61df368235e1689a448ab6" FOREIGN KEY ("wellbeingCheckId") REFERENCES "wellbeing_checks"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_cbbd8982998f25639602e5faa70" FOREIGN KEY ("metByContactId") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_a2dfaff95879ed2e07992c013c1" FOREIGN KEY ("officerId") REFERENCES "officers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" ADD CONSTRAINT "FK_ec0baa187a9cb24915c3e8c5085" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "update_declines" ADD CONSTRAINT "FK_64b6ae912a5d90977e4c0f6bae1" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "update_declines" DROP CONSTRAINT "FK_64b6ae912a5d90977e4c0f6bae1"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_ec0baa187a9cb24915c3e8c5085"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_a2dfaff95879ed2e07992c013c1"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_cbbd8982998f25639602e5faa70"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_8ee5d61df368235e1689a448ab6"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_b73d93f20fa536282cd8c469ac7"`);
        await queryRunner.query(`ALTER TABLE "scheduled_updates" DROP CONSTRAINT "FK_9e16a5aee99519d7f6ed6b54396"`);
        await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "FK_5062aa54c0a2fdc7a4f9aea9e3d"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_373dba7ab02e0f7b16462b59592"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_f8b4600baace648e0036c7699f5"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_3cadd44b1418186ce47fa92b69f"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_512977133bd48c3d652e23dab55"`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" DROP CONSTRAINT "FK_155a12d66de38ff2c7de5c123cd"`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" DROP CONSTRAINT "FK_e5651b25fbb726d14bcf8a7c2ac"`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" DROP CONSTRAINT "FK_d3ba7ef08730014feed559c66c6"`);
        await queryRunner.query(`ALTER TABLE "supervisor_alerts" DROP CONSTRAINT "FK_84c80e7434d7183c66d58e2b395"`);
        await queryRunner.query(`ALTER TABLE "wellbeing_checks" DROP CONSTRAINT "FK_c0031fc4d0854194b0c77811bb4"`);
        await queryRunner.query(`ALTER TABLE "wellbeing_checks" DROP CONSTRAINT "FK_a8904be8989f5d8010340f33048"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_update_declines_case"`);
        await queryRunner.query(`DROP TABLE "update_declines"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_scheduled_updates_case_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_case_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_team_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_officer_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_scheduled_updates_status_due"`);
        await queryRunner.query(`DROP TABLE "scheduled_updates"`);
        await queryRunner.query(`DROP TABLE "force_settings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_milestones_case"`);
        await queryRunner.query(`DROP TABLE "milestones"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_idempotency_keys_officer_key"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_contacts_case_occurred"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_contacts_officer_occurred"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_contacts_corrects"`);
        await queryRunner.query(`DROP TABLE "contacts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_supervisor_alerts_team_ack"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_supervisor_alerts_case"`);
        await queryRunner.query(`DROP TABLE "supervisor_alerts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_wellbeing_checks_case_occurred"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_wellbeing_checks_risk_occurred"`);
        await queryRunner.query(`DROP TABLE "wellbeing_checks"`);
    }

}
