import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795344896126 implements MigrationInterface {
    name = 'Foundation1795344896126'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "access_log" ("id" SERIAL NOT NULL, "at" TIMESTAMP NOT NULL, "officerId" uuid, "username" character varying(64), "operation" character varying(16) NOT NULL, "outcome" character varying(8) NOT NULL, "recordType" character varying(40) NOT NULL, "recordId" character varying(64), "caseId" uuid, "purpose" character varying(200) NOT NULL, "prevHash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_bd09621fb73b42d9e32b85ae41f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_at" ON "access_log" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_officer" ON "access_log" ("officerId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_case" ON "access_log" ("caseId", "id") `);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "tokenHash" character varying(64) NOT NULL, "officerId" uuid NOT NULL, "kind" character varying(8) NOT NULL DEFAULT 'api', "createdAt" TIMESTAMP NOT NULL, "lastSeenAt" TIMESTAMP NOT NULL, "expiresAt" TIMESTAMP NOT NULL, "revokedAt" TIMESTAMP, CONSTRAINT "UQ_bace6c68efc156fddac9b14bda2" UNIQUE ("tokenHash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_sessions_officer" ON "sessions" ("officerId") `);
        await queryRunner.query(`CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(80) NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_48c0c32e6247a2de155baeaf980" UNIQUE ("name"), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "officers" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "username" character varying(64) NOT NULL, "name" character varying(120) NOT NULL, "collarNumber" character varying(20) NOT NULL, "workPhone" character varying(40) NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "teamId" uuid, "active" boolean NOT NULL DEFAULT true, "passwordHash" character varying(200) NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_7f028df3a6b750d01ef68467d48" UNIQUE ("username"), CONSTRAINT "PK_51b2f6e36c3acee541c66bf4047" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_officers_team" ON "officers" ("teamId") `);
        await queryRunner.query(`CREATE TABLE "family_contacts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "caseId" uuid NOT NULL, "name" character varying(120) NOT NULL, "relationship" character varying(60) NOT NULL, "phone" character varying(40) NOT NULL DEFAULT '', "email" character varying(254) NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_36340d6ec6f16dd0cc39f76e8b7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_family_contacts_case" ON "family_contacts" ("caseId") `);
        await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "reference" character varying(40) NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'open', "teamId" uuid NOT NULL, "liaisonOfficerId" uuid, "deputyOfficerId" uuid, "investigatingOfficerId" uuid, "offenceType" character varying(32) NOT NULL, "suspectStatus" character varying(40) NOT NULL, "plannedArrestDate" date, "arrestDate" date, "childrenAtHome" boolean NOT NULL DEFAULT false, "childrenUnder5" integer NOT NULL DEFAULT '0', "children5to11" integer NOT NULL DEFAULT '0', "children12to17" integer NOT NULL DEFAULT '0', "partnerWorksWithChildren" boolean NOT NULL DEFAULT false, "updateFrequencyDays" integer NOT NULL DEFAULT '14', "contactMethod" character varying(8) NOT NULL DEFAULT 'phone', "contactTimes" character varying(200) NOT NULL DEFAULT '', "voicemailSafe" boolean NOT NULL DEFAULT false, "textSafe" boolean NOT NULL DEFAULT false, "preferredLanguage" character varying(40) NOT NULL DEFAULT 'English', "mediaInterest" boolean NOT NULL DEFAULT false, "closedDate" date, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_54644dc5f4b6350d047ab0ce40a" UNIQUE ("reference"), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cases_deputy" ON "cases" ("deputyOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_liaison" ON "cases" ("liaisonOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_team_status" ON "cases" ("teamId", "status") `);
        await queryRunner.query(`ALTER TABLE "officers" ADD CONSTRAINT "FK_69675b8f393aefb6a78c979eab0" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "family_contacts" ADD CONSTRAINT "FK_c9af753c80d5dac204192fa7938" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_62225b0a974e355f570a10f3068" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_5d30183a2618d8a5c6693254d6d" FOREIGN KEY ("liaisonOfficerId") REFERENCES "officers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_928ff9da87674dbba267783d0de" FOREIGN KEY ("deputyOfficerId") REFERENCES "officers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        // The access log is append-only: refuse changes at the database too, not only in code.
        await queryRunner.query(`CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$`);
        await queryRunner.query(`CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON "access_log" FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS access_log_no_change ON "access_log"`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS access_log_append_only()`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_928ff9da87674dbba267783d0de"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_5d30183a2618d8a5c6693254d6d"`);
        await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_62225b0a974e355f570a10f3068"`);
        await queryRunner.query(`ALTER TABLE "family_contacts" DROP CONSTRAINT "FK_c9af753c80d5dac204192fa7938"`);
        await queryRunner.query(`ALTER TABLE "officers" DROP CONSTRAINT "FK_69675b8f393aefb6a78c979eab0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cases_team_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cases_liaison"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cases_deputy"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_family_contacts_case"`);
        await queryRunner.query(`DROP TABLE "family_contacts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_officers_team"`);
        await queryRunner.query(`DROP TABLE "officers"`);
        await queryRunner.query(`DROP TABLE "teams"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_sessions_officer"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_access_log_case"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_access_log_officer"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_access_log_at"`);
        await queryRunner.query(`DROP TABLE "access_log"`);
    }

}
