import { londonDate } from '../../rules';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { Case } from '../../cases/case.entity';
import { OffenceType, SuspectStatus } from '../../cases/case-enums';
import { FamilyContact } from '../../cases/family-contact.entity';
import { Officer, Role } from '../../officers/officer.entity';
import { Team } from '../../officers/team.entity';
import { DEMO_STORIES, seedDemoHistory } from './demo-stories';

export const DEMO_USERS: { username: string; name: string; role: Role; team: 'North' | 'South' | null; collar: string }[] = [
  { username: 'officer1', name: 'PC Alex Morgan', role: 'officer', team: 'North', collar: 'N1042' },
  { username: 'officer2', name: 'PC Priya Shah', role: 'officer', team: 'North', collar: 'N2210' },
  { username: 'officer3', name: 'PC Jordan Ellis', role: 'officer', team: 'South', collar: 'S3307' },
  { username: 'supervisor1', name: 'Sgt Chris Walker', role: 'supervisor', team: 'North', collar: 'N0501' },
  { username: 'supervisor2', name: 'Sgt Hannah Okafor', role: 'supervisor', team: 'South', collar: 'S0502' },
  { username: 'admin1', name: 'Robin Hayes', role: 'admin', team: null, collar: 'A0001' },
];

interface DemoCase {
  reference: string;
  liaison: string;
  deputy?: string;
  investigatingIsLiaison?: boolean;
  offenceType: OffenceType;
  suspectStatus: SuspectStatus;
  /** Days before today; negative for a planned arrest still to come. */
  arrestDaysAgo: number;
  children?: [number, number, number];
  partnerWorksWithChildren?: boolean;
  updateFrequencyDays?: number;
  mediaInterest?: boolean;
  closed?: boolean;
  contact: [string, string];
}

/** Ten families in different states, so a new user has something real to look at. All names are invented. */
const DEMO_CASES: DemoCase[] = [
  { reference: 'NOR/2026/0101', liaison: 'officer1', offenceType: 'iioc_possession', suspectStatus: 'bail_with_conditions', arrestDaysAgo: 40, children: [1, 1, 0], contact: ['Sam Taylor', 'partner'] },
  { reference: 'NOR/2026/0102', liaison: 'officer1', offenceType: 'iioc_making', suspectStatus: 'released_under_investigation', arrestDaysAgo: 100, contact: ['Jo Bennett', 'partner'] },
  { reference: 'NOR/2026/0103', liaison: 'officer1', offenceType: 'iioc_possession', suspectStatus: 'not_arrested', arrestDaysAgo: -3, children: [0, 0, 2], partnerWorksWithChildren: true, contact: ['Lee Carter', 'wife'] },
  { reference: 'NOR/2026/0104', liaison: 'officer2', deputy: 'officer1', offenceType: 'iioc_distribution', suspectStatus: 'charged', arrestDaysAgo: 240, children: [0, 2, 0], mediaInterest: true, contact: ['Dana Hughes', 'partner'] },
  { reference: 'NOR/2026/0105', liaison: 'officer2', offenceType: 'sexual_communication', suspectStatus: 'in_custody', arrestDaysAgo: 0, contact: ['Pat Ahmed', 'husband'] },
  { reference: 'NOR/2026/0106', liaison: 'officer2', offenceType: 'iioc_possession', suspectStatus: 'no_further_action', arrestDaysAgo: 300, closed: true, contact: ['Kim Patel', 'partner'] },
  { reference: 'NOR/2026/0107', liaison: 'officer1', offenceType: 'iioc_possession', suspectStatus: 'convicted', arrestDaysAgo: 400, updateFrequencyDays: 28, children: [1, 0, 0], contact: ['Ash Rowe', 'partner'] },
  { reference: 'SOU/2026/0201', liaison: 'officer3', offenceType: 'sexual_communication', suspectStatus: 'bail_with_conditions', arrestDaysAgo: 21, children: [0, 0, 1], contact: ['Morgan Reid', 'partner'] },
  { reference: 'SOU/2026/0202', liaison: 'officer3', offenceType: 'iioc_making', suspectStatus: 'released_under_investigation', arrestDaysAgo: 75, partnerWorksWithChildren: true, updateFrequencyDays: 7, contact: ['Charlie Dunn', 'wife'] },
  { reference: 'SOU/2026/0203', liaison: 'officer3', investigatingIsLiaison: true, offenceType: 'iioc_production', suspectStatus: 'remanded', arrestDaysAgo: 150, children: [2, 1, 0], contact: ['Frankie Moss', 'partner'] },
];

function daysFrom(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Several instances may start on one empty PostgreSQL database at once: one seeds, the others find it done. */
const SEED_LOCK_KEY = 727_274_004;

/** Fills an empty database with the demo teams, accounts and cases. Does nothing if any officer exists. */
export async function seedDemoIfEmpty(dataSource: DataSource, password: string, now = new Date()): Promise<boolean> {
  if ((await dataSource.getRepository(Officer).count()) > 0) return false;
  const passwordHash = await hashPassword(password);
  const seeded = await dataSource.transaction(async (manager) => {
    if (dataSource.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if ((await manager.count(Officer)) > 0) return false;
    const teams = new Map<string, Team>();
    for (const name of ['North', 'South']) teams.set(name, await manager.save(manager.create(Team, { name })));
    const officers = new Map<string, Officer>();
    for (const user of DEMO_USERS) {
      const officer = manager.create(Officer, {
        username: user.username,
        name: user.name,
        collarNumber: user.collar,
        workPhone: `01632 960${String(officers.size + 101).padStart(3, '0')}`,
        email: `${user.username}@liaison.example.police.uk`,
        role: user.role,
        teamId: user.team ? teams.get(user.team)!.id : null,
        active: true,
        passwordHash,
      });
      officers.set(user.username, await manager.save(officer));
    }
    await seedCases(manager, officers, londonDate(now), now);
    return true;
  });
  if (seeded) new Logger('Seed').log(`Seeded ${DEMO_USERS.length} demo accounts and ${DEMO_CASES.length} demo cases`);
  return seeded;
}

async function seedCases(manager: EntityManager, officers: Map<string, Officer>, today: string, now: Date): Promise<void> {
  for (const demo of DEMO_CASES) {
    const liaison = officers.get(demo.liaison)!;
    const [under5, age5to11, age12to17] = demo.children ?? [0, 0, 0];
    const arrested = demo.arrestDaysAgo >= 0;
    const kase = await manager.save(
      manager.create(Case, {
        reference: demo.reference,
        status: demo.closed ? 'closed' : 'open',
        teamId: liaison.teamId!,
        liaisonOfficerId: liaison.id,
        deputyOfficerId: demo.deputy ? officers.get(demo.deputy)!.id : null,
        investigatingOfficerId: demo.investigatingIsLiaison ? liaison.id : null,
        offenceType: demo.offenceType,
        suspectStatus: demo.suspectStatus,
        plannedArrestDate: arrested ? null : daysFrom(today, -demo.arrestDaysAgo),
        arrestDate: arrested ? daysFrom(today, -demo.arrestDaysAgo) : null,
        childrenAtHome: under5 + age5to11 + age12to17 > 0,
        childrenUnder5: under5,
        children5to11: age5to11,
        children12to17: age12to17,
        partnerWorksWithChildren: demo.partnerWorksWithChildren ?? false,
        updateFrequencyDays: demo.updateFrequencyDays ?? 14,
        contactMethod: 'phone',
        contactTimes: 'Weekdays after 6pm',
        voicemailSafe: false,
        textSafe: true,
        preferredLanguage: 'English',
        mediaInterest: demo.mediaInterest ?? false,
        closedDate: demo.closed ? daysFrom(today, -10) : null,
        version: 1,
      }),
    );
    const { identifiers } = await manager.insert(FamilyContact, {
      caseId: kase.id,
      name: demo.contact[0],
      relationship: demo.contact[1],
      phone: `07700 900${String(DEMO_CASES.indexOf(demo) + 100).padStart(3, '0')}`,
      email: '',
      active: true,
      position: 0,
    });
    const story = DEMO_STORIES[demo.reference];
    if (story) await seedDemoHistory(manager, story, { kase, familyContactId: identifiers[0].id as string, today, now });
  }
}
