import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795344890086 implements MigrationInterface {
    name = 'Foundation1795344890086'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "access_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "officerId" varchar, "username" varchar(64), "operation" varchar(16) NOT NULL, "outcome" varchar(8) NOT NULL, "recordType" varchar(40) NOT NULL, "recordId" varchar(64), "caseId" varchar, "purpose" varchar(200) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_at" ON "access_log" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_officer" ON "access_log" ("officerId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_access_log_case" ON "access_log" ("caseId", "id") `);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "officerId" varchar NOT NULL, "kind" varchar(8) NOT NULL DEFAULT ('api'), "createdAt" datetime NOT NULL, "lastSeenAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, CONSTRAINT "UQ_bace6c68efc156fddac9b14bda2" UNIQUE ("tokenHash"))`);
        await queryRunner.query(`CREATE INDEX "IDX_sessions_officer" ON "sessions" ("officerId") `);
        await queryRunner.query(`CREATE TABLE "teams" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(80) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_48c0c32e6247a2de155baeaf980" UNIQUE ("name"))`);
        await queryRunner.query(`CREATE TABLE "officers" ("id" varchar PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "name" varchar(120) NOT NULL, "collarNumber" varchar(20) NOT NULL, "workPhone" varchar(40) NOT NULL, "email" varchar(254) NOT NULL, "role" varchar(16) NOT NULL, "teamId" varchar, "active" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(200) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_7f028df3a6b750d01ef68467d48" UNIQUE ("username"))`);
        await queryRunner.query(`CREATE INDEX "IDX_officers_team" ON "officers" ("teamId") `);
        await queryRunner.query(`CREATE TABLE "family_contacts" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "name" varchar(120) NOT NULL, "relationship" varchar(60) NOT NULL, "phone" varchar(40) NOT NULL DEFAULT (''), "email" varchar(254) NOT NULL DEFAULT (''), "active" boolean NOT NULL DEFAULT (1), "position" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`CREATE INDEX "IDX_family_contacts_case" ON "family_contacts" ("caseId") `);
        await queryRunner.query(`CREATE TABLE "cases" ("id" varchar PRIMARY KEY NOT NULL, "reference" varchar(40) NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "teamId" varchar NOT NULL, "liaisonOfficerId" varchar, "deputyOfficerId" varchar, "investigatingOfficerId" varchar, "offenceType" varchar(32) NOT NULL, "suspectStatus" varchar(40) NOT NULL, "plannedArrestDate" date, "arrestDate" date, "childrenAtHome" boolean NOT NULL DEFAULT (0), "childrenUnder5" integer NOT NULL DEFAULT (0), "children5to11" integer NOT NULL DEFAULT (0), "children12to17" integer NOT NULL DEFAULT (0), "partnerWorksWithChildren" boolean NOT NULL DEFAULT (0), "updateFrequencyDays" integer NOT NULL DEFAULT (14), "contactMethod" varchar(8) NOT NULL DEFAULT ('phone'), "contactTimes" varchar(200) NOT NULL DEFAULT (''), "voicemailSafe" boolean NOT NULL DEFAULT (0), "textSafe" boolean NOT NULL DEFAULT (0), "preferredLanguage" varchar(40) NOT NULL DEFAULT ('English'), "mediaInterest" boolean NOT NULL DEFAULT (0), "closedDate" date, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_54644dc5f4b6350d047ab0ce40a" UNIQUE ("reference"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cases_deputy" ON "cases" ("deputyOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_liaison" ON "cases" ("liaisonOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_team_status" ON "cases" ("teamId", "status") `);
        await queryRunner.query(`DROP INDEX "IDX_officers_team"`);
        await queryRunner.query(`CREATE TABLE "temporary_officers" ("id" varchar PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "name" varchar(120) NOT NULL, "collarNumber" varchar(20) NOT NULL, "workPhone" varchar(40) NOT NULL, "email" varchar(254) NOT NULL, "role" varchar(16) NOT NULL, "teamId" varchar, "active" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(200) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_7f028df3a6b750d01ef68467d48" UNIQUE ("username"), CONSTRAINT "FK_69675b8f393aefb6a78c979eab0" FOREIGN KEY ("teamId") REFERENCES "teams" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_officers"("id", "username", "name", "collarNumber", "workPhone", "email", "role", "teamId", "active", "passwordHash", "createdAt") SELECT "id", "username", "name", "collarNumber", "workPhone", "email", "role", "teamId", "active", "passwordHash", "createdAt" FROM "officers"`);
        await queryRunner.query(`DROP TABLE "officers"`);
        await queryRunner.query(`ALTER TABLE "temporary_officers" RENAME TO "officers"`);
        await queryRunner.query(`CREATE INDEX "IDX_officers_team" ON "officers" ("teamId") `);
        await queryRunner.query(`DROP INDEX "IDX_family_contacts_case"`);
        await queryRunner.query(`CREATE TABLE "temporary_family_contacts" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "name" varchar(120) NOT NULL, "relationship" varchar(60) NOT NULL, "phone" varchar(40) NOT NULL DEFAULT (''), "email" varchar(254) NOT NULL DEFAULT (''), "active" boolean NOT NULL DEFAULT (1), "position" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_c9af753c80d5dac204192fa7938" FOREIGN KEY ("caseId") REFERENCES "cases" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_family_contacts"("id", "caseId", "name", "relationship", "phone", "email", "active", "position") SELECT "id", "caseId", "name", "relationship", "phone", "email", "active", "position" FROM "family_contacts"`);
        await queryRunner.query(`DROP TABLE "family_contacts"`);
        await queryRunner.query(`ALTER TABLE "temporary_family_contacts" RENAME TO "family_contacts"`);
        await queryRunner.query(`CREATE INDEX "IDX_family_contacts_case" ON "family_contacts" ("caseId") `);
        await queryRunner.query(`DROP INDEX "IDX_cases_deputy"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_liaison"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_team_status"`);
        await queryRunner.query(`CREATE TABLE "temporary_cases" ("id" varchar PRIMARY KEY NOT NULL, "reference" varchar(40) NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "teamId" varchar NOT NULL, "liaisonOfficerId" varchar, "deputyOfficerId" varchar, "investigatingOfficerId" varchar, "offenceType" varchar(32) NOT NULL, "suspectStatus" varchar(40) NOT NULL, "plannedArrestDate" date, "arrestDate" date, "childrenAtHome" boolean NOT NULL DEFAULT (0), "childrenUnder5" integer NOT NULL DEFAULT (0), "children5to11" integer NOT NULL DEFAULT (0), "children12to17" integer NOT NULL DEFAULT (0), "partnerWorksWithChildren" boolean NOT NULL DEFAULT (0), "updateFrequencyDays" integer NOT NULL DEFAULT (14), "contactMethod" varchar(8) NOT NULL DEFAULT ('phone'), "contactTimes" varchar(200) NOT NULL DEFAULT (''), "voicemailSafe" boolean NOT NULL DEFAULT (0), "textSafe" boolean NOT NULL DEFAULT (0), "preferredLanguage" varchar(40) NOT NULL DEFAULT ('English'), "mediaInterest" boolean NOT NULL DEFAULT (0), "closedDate" date, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_54644dc5f4b6350d047ab0ce40a" UNIQUE ("reference"), CONSTRAINT "FK_62225b0a974e355f570a10f3068" FOREIGN KEY ("teamId") REFERENCES "teams" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5d30183a2618d8a5c6693254d6d" FOREIGN KEY ("liaisonOfficerId") REFERENCES "officers" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_928ff9da87674dbba267783d0de" FOREIGN KEY ("deputyOfficerId") REFERENCES "officers" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_cases"("id", "reference", "status", "teamId", "liaisonOfficerId", "deputyOfficerId", "investigatingOfficerId", "offenceType", "suspectStatus", "plannedArrestDate", "arrestDate", "childrenAtHome", "childrenUnder5", "children5to11", "children12to17", "partnerWorksWithChildren", "updateFrequencyDays", "contactMethod", "contactTimes", "voicemailSafe", "textSafe", "preferredLanguage", "mediaInterest", "closedDate", "version", "createdAt", "updatedAt") SELECT "id", "reference", "status", "teamId", "liaisonOfficerId", "deputyOfficerId", "investigatingOfficerId", "offenceType", "suspectStatus", "plannedArrestDate", "arrestDate", "childrenAtHome", "childrenUnder5", "children5to11", "children12to17", "partnerWorksWithChildren", "updateFrequencyDays", "contactMethod", "contactTimes", "voicemailSafe", "textSafe", "preferredLanguage", "mediaInterest", "closedDate", "version", "createdAt", "updatedAt" FROM "cases"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`ALTER TABLE "temporary_cases" RENAME TO "cases"`);
        await queryRunner.query(`CREATE INDEX "IDX_cases_deputy" ON "cases" ("deputyOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_liaison" ON "cases" ("liaisonOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_team_status" ON "cases" ("teamId", "status") `);
        // The access log is append-only: refuse changes at the database too, not only in code.
        await queryRunner.query(`CREATE TRIGGER "access_log_no_update" BEFORE UPDATE ON "access_log" BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`);
        await queryRunner.query(`CREATE TRIGGER "access_log_no_delete" BEFORE DELETE ON "access_log" BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS "access_log_no_delete"`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS "access_log_no_update"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_team_status"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_liaison"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_deputy"`);
        await queryRunner.query(`ALTER TABLE "cases" RENAME TO "temporary_cases"`);
        await queryRunner.query(`CREATE TABLE "cases" ("id" varchar PRIMARY KEY NOT NULL, "reference" varchar(40) NOT NULL, "status" varchar(8) NOT NULL DEFAULT ('open'), "teamId" varchar NOT NULL, "liaisonOfficerId" varchar, "deputyOfficerId" varchar, "investigatingOfficerId" varchar, "offenceType" varchar(32) NOT NULL, "suspectStatus" varchar(40) NOT NULL, "plannedArrestDate" date, "arrestDate" date, "childrenAtHome" boolean NOT NULL DEFAULT (0), "childrenUnder5" integer NOT NULL DEFAULT (0), "children5to11" integer NOT NULL DEFAULT (0), "children12to17" integer NOT NULL DEFAULT (0), "partnerWorksWithChildren" boolean NOT NULL DEFAULT (0), "updateFrequencyDays" integer NOT NULL DEFAULT (14), "contactMethod" varchar(8) NOT NULL DEFAULT ('phone'), "contactTimes" varchar(200) NOT NULL DEFAULT (''), "voicemailSafe" boolean NOT NULL DEFAULT (0), "textSafe" boolean NOT NULL DEFAULT (0), "preferredLanguage" varchar(40) NOT NULL DEFAULT ('English'), "mediaInterest" boolean NOT NULL DEFAULT (0), "closedDate" date, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_54644dc5f4b6350d047ab0ce40a" UNIQUE ("reference"))`);
        await queryRunner.query(`INSERT INTO "cases"("id", "reference", "status", "teamId", "liaisonOfficerId", "deputyOfficerId", "investigatingOfficerId", "offenceType", "suspectStatus", "plannedArrestDate", "arrestDate", "childrenAtHome", "childrenUnder5", "children5to11", "children12to17", "partnerWorksWithChildren", "updateFrequencyDays", "contactMethod", "contactTimes", "voicemailSafe", "textSafe", "preferredLanguage", "mediaInterest", "closedDate", "version", "createdAt", "updatedAt") SELECT "id", "reference", "status", "teamId", "liaisonOfficerId", "deputyOfficerId", "investigatingOfficerId", "offenceType", "suspectStatus", "plannedArrestDate", "arrestDate", "childrenAtHome", "childrenUnder5", "children5to11", "children12to17", "partnerWorksWithChildren", "updateFrequencyDays", "contactMethod", "contactTimes", "voicemailSafe", "textSafe", "preferredLanguage", "mediaInterest", "closedDate", "version", "createdAt", "updatedAt" FROM "temporary_cases"`);
        await queryRunner.query(`DROP TABLE "temporary_cases"`);
        await queryRunner.query(`CREATE INDEX "IDX_cases_team_status" ON "cases" ("teamId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_liaison" ON "cases" ("liaisonOfficerId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cases_deputy" ON "cases" ("deputyOfficerId") `);
        await queryRunner.query(`DROP INDEX "IDX_family_contacts_case"`);
        await queryRunner.query(`ALTER TABLE "family_contacts" RENAME TO "temporary_family_contacts"`);
        await queryRunner.query(`CREATE TABLE "family_contacts" ("id" varchar PRIMARY KEY NOT NULL, "caseId" varchar NOT NULL, "name" varchar(120) NOT NULL, "relationship" varchar(60) NOT NULL, "phone" varchar(40) NOT NULL DEFAULT (''), "email" varchar(254) NOT NULL DEFAULT (''), "active" boolean NOT NULL DEFAULT (1), "position" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "family_contacts"("id", "caseId", "name", "relationship", "phone", "email", "active", "position") SELECT "id", "caseId", "name", "relationship", "phone", "email", "active", "position" FROM "temporary_family_contacts"`);
        await queryRunner.query(`DROP TABLE "temporary_family_contacts"`);
        await queryRunner.query(`CREATE INDEX "IDX_family_contacts_case" ON "family_contacts" ("caseId") `);
        await queryRunner.query(`DROP INDEX "IDX_officers_team"`);
        await queryRunner.query(`ALTER TABLE "officers" RENAME TO "temporary_officers"`);
        await queryRunner.query(`CREATE TABLE "officers" ("id" varchar PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "name" varchar(120) NOT NULL, "collarNumber" varchar(20) NOT NULL, "workPhone" varchar(40) NOT NULL, "email" varchar(254) NOT NULL, "role" varchar(16) NOT NULL, "teamId" varchar, "active" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(200) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_7f028df3a6b750d01ef68467d48" UNIQUE ("username"))`);
        await queryRunner.query(`INSERT INTO "officers"("id", "username", "name", "collarNumber", "workPhone", "email", "role", "teamId", "active", "passwordHash", "createdAt") SELECT "id", "username", "name", "collarNumber", "workPhone", "email", "role", "teamId", "active", "passwordHash", "createdAt" FROM "temporary_officers"`);
        await queryRunner.query(`DROP TABLE "temporary_officers"`);
        await queryRunner.query(`CREATE INDEX "IDX_officers_team" ON "officers" ("teamId") `);
        await queryRunner.query(`DROP INDEX "IDX_cases_team_status"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_liaison"`);
        await queryRunner.query(`DROP INDEX "IDX_cases_deputy"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`DROP INDEX "IDX_family_contacts_case"`);
        await queryRunner.query(`DROP TABLE "family_contacts"`);
        await queryRunner.query(`DROP INDEX "IDX_officers_team"`);
        await queryRunner.query(`DROP TABLE "officers"`);
        await queryRunner.query(`DROP TABLE "teams"`);
        await queryRunner.query(`DROP INDEX "IDX_sessions_officer"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "IDX_access_log_case"`);
        await queryRunner.query(`DROP INDEX "IDX_access_log_officer"`);
        await queryRunner.query(`DROP INDEX "IDX_access_log_at"`);
        await queryRunner.query(`DROP TABLE "access_log"`);
    }

}
