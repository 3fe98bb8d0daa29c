/**
 * A simulated national caseload for the audit benchmark: pure functions that turn a case number
 * into that case's rows. Deterministic (seeded), so a database of the full history and one of its
 * most recent tenth hold the same cases, ids and statuses where they overlap.
 *
 * The updates a family is owed, and whether each was met, late, attempted or missed, come from
 * the real rules (computeOwedUpdates) applied to simulated facts — milestones, wellbeing checks,
 * declines and the contact log of an officer who is more or less diligent — exactly as the app's
 * UpdateScheduler would store them on the report date. Advance notices for hearings that have
 * since happened are no longer produced by computeOwedUpdates; the app keeps those rows and
 * refreshes them with resolveUpdateStatus, and so does the simulation.
 */
import {
  CaseFacts,
  ContactFacts,
  ContactMethod,
  ContactOutcome,
  DEFAULT_RULE_SETTINGS,
  INDICATORS,
  MilestoneFacts,
  MilestoneStatus,
  MilestoneType,
  RiskIndicator,
  RiskLevel,
  RuleSettings,
  WorkingDayCalendar,
  assessRisk,
  computeOwedUpdates,
  followUpForRisk,
  fromDayNumber,
  resolveUpdateStatus,
  toDayNumber,
} from '../src/rules';

export const TEAM_COUNT = 20;
export const OFFICERS_PER_TEAM = 10; // one supervisor and nine liaison officers
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 0x01000193);
    h = Math.imul(h ^ (part >>> 16), 0x01000193);
  }
  return h >>> 0;
}

const HEX = '0123456789abcdef';

function hex(value: number, digits: number): string {
  let out = '';
  for (let i = digits - 1; i >= 0; i -= 1) out += HEX[Math.floor(value / 16 ** i) % 16];
  return out;
}

/**
 * Version-4-shaped UUIDs that are reproducible and never collide: the leading groups are drawn
 * from the case's generator (so ids sort in no useful order, as real v4 ids do), the last group
 * carries the case number and a counter (so two rows can never share one).
 */
export function idMaker(random: () => number, scope: number): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    if (counter >= 2 ** 20 || scope >= 2 ** 28) throw new RangeError('id space exhausted');
    const a = hex(Math.floor(random() * 2 ** 32), 8);
    const b = hex(Math.floor(random() * 2 ** 16), 4);
    const c = `4${hex(Math.floor(random() * 2 ** 12), 3)}`;
    const d = `${HEX[8 + Math.floor(random() * 4)]}${hex(Math.floor(random() * 2 ** 12), 3)}`;
    return `${a}-${b}-${c}-${d}-${hex(scope, 7)}${hex(counter, 5)}`;
  };
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const chance = (random: () => number, p: number) => random() < p;
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let roll = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

// ---------------------------------------------------------------------------------------------
// The force: teams and officers

export interface TeamRow {
  id: string;
  name: string;
}

export interface OfficerRow {
  id: string;
  username: string;
  name: string;
  collarNumber: string;
  role: 'officer' | 'supervisor' | 'admin';
  teamId: string | null;
  active: boolean;
  /** Day number the officer left (inactive), else null. */
  leftDay: number | null;
  /** Chance of making a due contact on time. */
  diligence: number;
}

export interface Force {
  teams: TeamRow[];
  officers: OfficerRow[];
  /** Liaison officers of each team (not the supervisor). */
  liaison: OfficerRow[][];
}

const AREAS = [
  'Avon', 'Bedford', 'Cheshire', 'Cumbria', 'Derby', 'Devon', 'Durham', 'Essex', 'Gwent', 'Hampshire',
  'Kent', 'Lancashire', 'Lincoln', 'Mersey', 'Norfolk', 'Northumbria', 'Somerset', 'Suffolk', 'Surrey', 'Sussex',
];
const GIVEN = ['Alex', 'Sam', 'Jo', 'Priya', 'Jordan', 'Chris', 'Hannah', 'Robin', 'Kim', 'Lee', 'Ash', 'Dana', 'Morgan', 'Pat', 'Charlie', 'Frankie', 'Amir', 'Zoë', 'Siân', 'Niamh'];
const FAMILY = ['Morgan', 'Shah', 'Ellis', 'Walker', 'Okafor', 'Hayes', 'Taylor', 'Bennett', 'Carter', 'Hughes', 'Ahmed', 'Patel', 'Rowe', 'Reid', 'Dunn', 'Moss', "O'Brien", 'Nowak', 'Evans', 'Khan'];

export function buildForce(seed: number, today: number): Force {
  const random = rng(mix(seed, 1));
  const uuid = idMaker(random, 0);
  const teams: TeamRow[] = AREAS.slice(0, TEAM_COUNT).map((area) => ({ id: uuid(), name: `${area} FLO team` }));
  const officers: OfficerRow[] = [];
  const liaison: OfficerRow[][] = teams.map(() => []);
  teams.forEach((team, t) => {
    for (let n = 0; n < OFFICERS_PER_TEAM; n += 1) {
      const supervisor = n === 0;
      // About one officer in twenty has left in the last two years; their cases were handed on.
      const left = !supervisor && chance(random, 0.05);
      const officer: OfficerRow = {
        id: uuid(),
        username: `${supervisor ? 'sgt' : 'pc'}${String(t + 1).padStart(2, '0')}${String(n).padStart(2, '0')}`,
        name: `${supervisor ? 'Sgt' : 'PC'} ${pick(random, GIVEN)} ${pick(random, FAMILY)}`,
        collarNumber: `${team.name.slice(0, 2).toUpperCase()}${1000 + t * 100 + n}`,
        role: supervisor ? 'supervisor' : 'officer',
        teamId: team.id,
        active: !left,
        leftDay: left ? today - between(random, 10, 730) : null,
        // Most officers are diligent; a few struggle with their caseload.
        diligence: chance(random, 0.15) ? 0.55 + random() * 0.2 : 0.8 + random() * 0.18,
      };
      officers.push(officer);
      if (!supervisor) liaison[t].push(officer);
    }
  });
  officers.push({
    id: uuid(),
    username: 'admin',
    name: 'Force Administrator',
    collarNumber: 'ADM0001',
    role: 'admin',
    teamId: null,
    active: true,
    leftDay: null,
    diligence: 1,
  });
  return { teams, officers, liaison };
}

// ---------------------------------------------------------------------------------------------
// One case

export interface GeneratedCase {
  /** Day number the case stopped being active (closed), or null while open. */
  closedDay: number | null;
  arrestDay: number;
  rows: {
    cases: Record<string, unknown>[];
    family_contacts: Record<string, unknown>[];
    milestones: (Record<string, unknown> & { day: number })[];
    contacts: (Record<string, unknown> & { day: number })[];
    wellbeing_checks: (Record<string, unknown> & { day: number })[];
    supervisor_alerts: (Record<string, unknown> & { day: number })[];
    update_declines: (Record<string, unknown> & { day: number })[];
    scheduled_updates: (Record<string, unknown> & { day: number })[];
  };
}

export interface CaseContext {
  seed: number;
  force: Force;
  /** Day number of the report date; nothing after it exists yet. */
  today: number;
  /** Day number the history starts (arrests are spread evenly from here to today). */
  start: number;
  /** Cases closed before this day are not wanted: return them without rows (same draws, so the same case). */
  activeFrom?: number;
  calendar: WorkingDayCalendar;
  settings?: RuleSettings;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** TypeORM's SQLite text for a timestamp column ('2026-03-10 09:30:00.000', UTC). */
export function sqliteInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${fromDayNumber(day)} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${String(millis).padStart(3, '0')}`;
}

/** A time on a London working day, 09:00–17:59 UTC (the same calendar date in London all year). */
function during(random: () => number, day: number): number {
  return day * DAY_MS + between(random, 9 * 60, 17 * 60 + 59) * 60_000 + between(random, 0, 59) * 1000;
}

const OFFENCES = [
  ['iioc_possession', 55],
  ['iioc_making', 15],
  ['iioc_distribution', 12],
  ['iioc_production', 2],
  ['sexual_communication', 10],
  ['other_online', 5],
  ['contact_offence', 1],
] as const;

const SUMMARIES: Record<ContactOutcome, string[]> = {
  spoke: [
    'Explained where the investigation is and what happens next.',
    'No news on the forensic examination yet; said so and agreed the next call.',
    'Talked through bail conditions and who to call out of hours.',
    'Partner asked about the children; passed on the social care contact.',
    'Update given; partner coping, sister staying this week.',
  ],
  no_answer: ['No answer.', 'Phone rang out.'],
  left_message: ['Left a message asking for a call back (voicemail agreed as safe).'],
  declined: ['Partner asked not to be updated for a few weeks; review date agreed.'],
};
const TOPICS = ['next steps', 'bail conditions', 'forensic examination', 'children', 'support services', 'media', 'court dates'];

interface Touch {
  day: number;
  /** A touch the officer treats as urgent (first contact, high-risk follow-up). */
  urgent: boolean;
}

/**
 * Everything about case number `index`. The arrest falls evenly between `start` and `today`; the
 * investigation lasts a few months to a couple of years; milestones, wellbeing checks, an
 * occasional decline and the officer's contacts follow; the rules decide what was owed and how
 * each update turned out.
 */
export function generateCase(index: number, context: CaseContext): GeneratedCase {
  const { force, today, start, calendar } = context;
  const settings = context.settings ?? DEFAULT_RULE_SETTINGS;
  const random = rng(mix(context.seed, 7, index));
  const uuid = idMaker(random, index + 1);
  const teamIndex = Math.floor(random() * TEAM_COUNT);
  const team = force.teams[teamIndex];
  const arrestDay = start + Math.floor(random() * (today - start + 1));
  const arrestDate = fromDayNumber(arrestDay);
  const duration = Math.min(1000, Math.max(30, Math.round(270 * Math.exp(0.6 * gaussian(random)))));
  const closedDay = arrestDay + duration <= today ? arrestDay + duration : null;
  const endDay = closedDay ?? today;
  if (closedDay !== null && context.activeFrom !== undefined && closedDay < context.activeFrom) {
    return { closedDay, arrestDay, rows: { cases: [], family_contacts: [], milestones: [], contacts: [], wellbeing_checks: [], supervisor_alerts: [], update_declines: [], scheduled_updates: [] } };
  }
  const frequency = weighted(random, [[14, 55], [21, 15], [28, 25], [7, 5]] as const);

  // The liaison officer, and whoever took the case on if they left while it was open.
  const teamOfficers = force.liaison[teamIndex];
  const first = pick(random, teamOfficers);
  const handover = first.leftDay !== null && first.leftDay > arrestDay && first.leftDay <= endDay ? first.leftDay : null;
  const successors = teamOfficers.filter((o) => o.active);
  // A few cases of leavers are still waiting to be handed on: the supervisor's unassigned list.
  const stranded = handover !== null && closedDay === null && chance(random, 0.03);
  const second = handover !== null && !stranded ? pick(random, successors) : null;
  const officerOn = (day: number) => (second && handover !== null && day >= handover ? second : first);
  const current = closedDay === null ? (stranded ? first : officerOn(today)) : officerOn(endDay);
  const diligence = (day: number) => officerOn(day).diligence;

  const caseId = uuid();
  const familyContactId = uuid();
  const caseCreatedMs = during(random, arrestDay);
  const suspectStatus =
    closedDay !== null
      ? weighted(random, [['convicted', 50], ['no_further_action', 45], ['charged', 5]] as const)
      : weighted(random, [['bail_with_conditions', 35], ['released_under_investigation', 45], ['charged', 15], ['remanded', 5]] as const);
  const under5 = chance(random, 0.25) ? between(random, 1, 2) : 0;
  const age5to11 = chance(random, 0.3) ? between(random, 1, 2) : 0;
  const age12to17 = chance(random, 0.25) ? 1 : 0;
  const rows: GeneratedCase['rows'] = {
    cases: [
      {
        id: caseId,
        reference: `NAT/${arrestDate.slice(0, 4)}/${String(index + 1).padStart(6, '0')}`,
        status: closedDay === null ? 'open' : 'closed',
        teamId: team.id,
        liaisonOfficerId: current.id,
        deputyOfficerId: null,
        investigatingOfficerId: null,
        offenceType: weighted(random, OFFENCES),
        suspectStatus,
        plannedArrestDate: chance(random, 0.8) ? arrestDate : null,
        arrestDate,
        childrenAtHome: under5 + age5to11 + age12to17 > 0 ? 1 : 0,
        childrenUnder5: under5,
        children5to11: age5to11,
        children12to17: age12to17,
        partnerWorksWithChildren: chance(random, 0.08) ? 1 : 0,
        updateFrequencyDays: frequency,
        contactMethod: chance(random, 0.85) ? 'phone' : 'visit',
        contactTimes: pick(random, ['weekday evenings', 'mornings', 'any time', 'school hours']),
        voicemailSafe: chance(random, 0.6) ? 1 : 0,
        textSafe: chance(random, 0.7) ? 1 : 0,
        preferredLanguage: weighted(random, [['English', 90], ['Welsh', 2], ['Polish', 3], ['Urdu', 3], ['Punjabi', 2]] as const),
        mediaInterest: chance(random, 0.03) ? 1 : 0,
        closedDate: closedDay === null ? null : fromDayNumber(closedDay),
        version: 1,
        createdAt: sqliteInstant(caseCreatedMs),
        updatedAt: sqliteInstant(during(random, endDay)),
      },
    ],
    family_contacts: [
      {
        id: familyContactId,
        caseId,
        name: `${pick(random, GIVEN)} ${pick(random, FAMILY)}`,
        relationship: weighted(random, [['partner', 60], ['wife', 25], ['husband', 5], ['mother', 10]] as const),
        phone: `07700 9${String(between(random, 0, 99999)).padStart(5, '0')}`,
        email: '',
        active: 1,
        position: 0,
      },
    ],
    milestones: [],
    contacts: [],
    wellbeing_checks: [],
    supervisor_alerts: [],
    update_declines: [],
    scheduled_updates: [],
  };

  // Milestones: the arrest-day steps, then the investigation at its own pace.
  const milestoneFacts: MilestoneFacts[] = [];
  const touches: Touch[] = [{ day: arrestDay, urgent: true }];
  const addMilestone = (type: MilestoneType, day: number, knownDay: number) => {
    if (day > endDay + 120) return;
    const status: MilestoneStatus = day <= today ? 'done' : 'expected';
    const id = uuid();
    const recordedMs = during(random, Math.min(knownDay, today));
    const fact: MilestoneFacts = {
      id,
      type,
      status,
      expectedDate: day > knownDay || status === 'expected' ? fromDayNumber(day) : null,
      doneDate: status === 'done' ? fromDayNumber(day) : null,
      recordedAt: new Date(recordedMs).toISOString(),
      dateChangedAt: null,
    };
    milestoneFacts.push(fact);
    rows.milestones.push({
      id,
      caseId,
      type,
      status,
      expectedDate: fact.expectedDate,
      doneDate: fact.doneDate,
      note: '',
      recordedAt: sqliteInstant(recordedMs),
      dateChangedAt: null,
      updatedAt: sqliteInstant(status === 'done' ? during(random, day) : recordedMs),
      recordedByOfficerId: officerOn(Math.min(knownDay, today)).id,
      day: Math.min(knownDay, today),
    });
    if (status === 'done' && day <= endDay) touches.push({ day: day + between(random, 0, 1), urgent: false });
    if (status === 'expected' || day > knownDay) touches.push({ day: day - between(random, 2, 5), urgent: false });
  };
  addMilestone('arrest', arrestDay, arrestDay);
  addMilestone('devices_seized', arrestDay, arrestDay);
  addMilestone('interview', arrestDay + between(random, 0, 1), arrestDay);
  const onBail = suspectStatus === 'bail_with_conditions' || chance(random, 0.3);
  addMilestone('bail_decision', arrestDay + between(random, 0, 1), arrestDay);
  if (onBail) {
    for (let bailReturn = arrestDay + 90; bailReturn < Math.min(endDay, arrestDay + 400); bailReturn += 90) {
      addMilestone('bail_return', bailReturn, bailReturn - between(random, 20, 60));
    }
  }
  const forensicStart = arrestDay + between(random, 20, 120);
  if (forensicStart <= endDay) addMilestone('forensic_started', forensicStart, forensicStart);
  const forensicDone = forensicStart + between(random, 60, 360);
  if (forensicDone <= endDay) addMilestone('forensic_completed', forensicDone, forensicDone);
  const charged = suspectStatus === 'charged' || suspectStatus === 'convicted' || suspectStatus === 'remanded';
  if (charged) {
    const decision = Math.min(endDay, forensicDone + between(random, 14, 90));
    addMilestone('charging_decision', decision, decision);
    addMilestone('first_hearing', decision + between(random, 14, 35), decision);
    if (suspectStatus === 'convicted') addMilestone('sentence', Math.max(decision + 40, endDay - between(random, 0, 10)), decision + 20);
  } else if (closedDay !== null) {
    addMilestone('charging_decision', closedDay, closedDay);
  }
  if (closedDay !== null) addMilestone('case_closed', closedDay, closedDay);

  // Wellbeing checks: on the arrest day, then every month or two; a few raise a supervisor alert.
  const checks: { id: string; occurredAt: string; riskLevel: RiskLevel }[] = [];
  for (let day = arrestDay + between(random, 0, 1); day <= endDay; day += between(random, 35, 90)) {
    const indicators = INDICATORS.filter((indicator) => chance(random, indicator === 'self_harm_thoughts' ? 0.01 : 0.03)) as RiskIndicator[];
    const distressLevel = weighted(random, [[0, 30], [1, 35], [2, 25], [3, 8], [4, 2]] as const);
    const assessment = { distressLevel, indicators, trustedPersonPresent: chance(random, 0.75) };
    const { level, matchedRules } = assessRisk(assessment);
    const id = uuid();
    const occurredMs = during(random, day);
    const reasons = matchedRules.map((rule) => `${rule.level}: ${rule.when}`);
    checks.push({ id, occurredAt: new Date(occurredMs).toISOString(), riskLevel: level });
    rows.wellbeing_checks.push({
      id,
      caseId,
      occurredAt: sqliteInstant(occurredMs),
      context: day <= arrestDay + 1 ? 'arrest_day' : 'routine',
      distressLevel: assessment.distressLevel,
      indicators: JSON.stringify(indicators),
      trustedPersonPresent: assessment.trustedPersonPresent ? 1 : 0,
      referrals: JSON.stringify(level === 'low' ? [] : ['samaritans']),
      actions: '',
      riskLevel: level,
      riskReasons: JSON.stringify(reasons),
      officerId: officerOn(day).id,
      recordedAt: sqliteInstant(occurredMs + 600_000),
      day,
    });
    const followUp = followUpForRisk(level, fromDayNumber(day), settings, calendar);
    if (followUp) touches.push({ day: toDayNumber(followUp) - (level === 'high' ? 0 : between(random, 0, 3)), urgent: level === 'high' });
    if (level === 'high') {
      const ackMs = occurredMs + between(random, 1, 72) * 3_600_000;
      const acknowledged = ackMs < today * DAY_MS && !(day > today - 5 && chance(random, 0.5));
      rows.supervisor_alerts.push({
        id: uuid(),
        caseId,
        teamId: team.id,
        kind: 'high_risk_wellbeing',
        wellbeingCheckId: id,
        reasons: JSON.stringify(reasons),
        raisedAt: sqliteInstant(occurredMs),
        raisedByOfficerId: officerOn(day).id,
        acknowledgedAt: acknowledged ? sqliteInstant(ackMs) : null,
        acknowledgedByOfficerId: acknowledged ? force.officers[teamIndex * OFFICERS_PER_TEAM].id : null,
        day,
      });
    }
  }

  // A few families ask not to be updated for a while.
  const declines: CaseFacts['declines'][number][] = [];
  let declinedFrom = Infinity;
  let declinedUntil = -Infinity;
  if (chance(random, 0.03) && arrestDay + 40 < endDay) {
    declinedFrom = arrestDay + between(random, 30, 120);
    declinedUntil = declinedFrom + between(random, 28, 56);
    if (declinedFrom <= today) {
      const id = uuid();
      declines.push({ id, from: fromDayNumber(declinedFrom), reviewDate: fromDayNumber(declinedUntil) });
      rows.update_declines.push({
        id,
        caseId,
        fromDate: fromDayNumber(declinedFrom),
        reviewDate: fromDayNumber(declinedUntil),
        endedOn: null,
        note: 'Family asked for no updates until the review date.',
        recordedAt: sqliteInstant(during(random, declinedFrom)),
        recordedByOfficerId: officerOn(declinedFrom).id,
        endedAt: null,
        endedByOfficerId: null,
        day: declinedFrom,
      });
    }
  }

  // The contact log: the officer aims at each thing owed and at the agreed cadence, on time with
  // a probability that is their diligence, otherwise some days late; unanswered calls are retried.
  const contacts: ContactFacts[] = [];
  const logContact = (day: number, outcome: ContactOutcome) => {
    const id = uuid();
    const occurredMs = during(random, day);
    const method: ContactMethod = outcome === 'spoke' && chance(random, 0.2) ? 'visit' : 'phone';
    contacts.push({ id, occurredAt: new Date(occurredMs).toISOString(), outcome, method });
    rows.contacts.push({
      id,
      caseId,
      occurredAt: sqliteInstant(occurredMs),
      method,
      outcome,
      summary: pick(random, SUMMARIES[outcome]),
      topicsCovered: JSON.stringify(outcome === 'spoke' ? [pick(random, TOPICS)] : []),
      familyContactId,
      officerId: officerOn(day).id,
      correctsContactId: null,
      recordedAt: sqliteInstant(occurredMs + between(random, 5, 240) * 60_000),
      day,
    });
  };
  if (declines.length) logContact(declinedFrom, 'declined');
  touches.sort((a, b) => a.day - b.day);
  let lastReached = arrestDay;
  let nextTouch = 0;
  let day = arrestDay;
  while (day <= endDay) {
    while (nextTouch < touches.length && touches[nextTouch].day < day) nextTouch += 1;
    const cadenceDay = lastReached + Math.round(frequency * (0.7 + random() * 0.3));
    const planned = nextTouch < touches.length ? Math.min(touches[nextTouch].day, cadenceDay) : cadenceDay;
    const urgent = nextTouch < touches.length && touches[nextTouch].day <= cadenceDay && touches[nextTouch].urgent;
    let when = Math.max(day, planned);
    if (!chance(random, urgent ? Math.min(0.98, diligence(when) + 0.1) : diligence(when))) when += between(random, 1, 12);
    when = weekday(when);
    if (when > endDay || when > today) break;
    if (when >= declinedFrom && when < declinedUntil) {
      day = declinedUntil;
      lastReached = declinedUntil - frequency;
      continue;
    }
    let reached = false;
    for (let attempt = 0; attempt < 3 && !reached && when <= Math.min(endDay, today); attempt += 1) {
      const outcome = weighted(random, [['spoke', 80], ['no_answer', 12], ['left_message', 8]] as const);
      logContact(when, outcome);
      reached = outcome === 'spoke';
      if (!reached) when = weekday(when + between(random, 1, 3));
    }
    if (reached) lastReached = when;
    day = when + 1;
  }

  // What the rules say the family was owed, and how each update turned out, on the report date.
  const facts: CaseFacts = {
    status: closedDay === null ? 'open' : 'closed',
    closedDate: closedDay === null ? null : fromDayNumber(closedDay),
    arrestDate,
    plannedArrestDate: null,
    updateFrequencyDays: frequency,
    milestones: milestoneFacts,
    contacts,
    wellbeingChecks: checks,
    declines,
  };
  const todayDate = fromDayNumber(today);
  const owed = computeOwedUpdates(facts, todayDate, settings, calendar);
  const kept = pastAdvanceNotices(milestoneFacts, arrestDate, settings, calendar).map((obligation) => ({
    ...obligation,
    ...resolveUpdateStatus(obligation, facts, todayDate),
  }));
  for (const update of [...owed, ...kept.filter((k) => k.status !== 'open')]) {
    const due = toDayNumber(update.dueDate);
    const owedFrom = toDayNumber(update.owedFrom);
    const responsible = update.status === 'open' ? current : stranded && due >= (handover ?? Infinity) ? first : officerOn(due);
    const createdMs = Math.max(owedFrom * DAY_MS + 7 * 3_600_000, caseCreatedMs);
    const resolvedMs = update.metAt ? Date.parse(update.metAt) + 60_000 : update.status === 'open' ? createdMs : Math.min(due + 1, today) * DAY_MS + 7 * 3_600_000;
    rows.scheduled_updates.push({
      id: uuid(),
      caseId,
      key: update.key,
      reason: update.reason,
      milestoneId: update.milestoneId === null ? null : String(update.milestoneId),
      wellbeingCheckId: update.wellbeingCheckId === null ? null : String(update.wellbeingCheckId),
      owedFrom: update.owedFrom,
      dueDate: update.dueDate,
      status: update.status,
      metByContactId: update.metByContactId === null ? null : String(update.metByContactId),
      metAt: update.metAt ? sqliteInstant(Date.parse(update.metAt)) : null,
      daysLate: update.daysLate,
      riskLevel: update.riskLevel,
      officerId: responsible.id,
      teamId: team.id,
      createdAt: sqliteInstant(createdMs),
      updatedAt: sqliteInstant(Math.max(createdMs, resolvedMs)),
      day: due,
    });
  }
  return { closedDay, arrestDay, rows };
}

/**
 * Advance notices for milestones that have since happened: the app stored them while the
 * hearing was expected and keeps them once resolved (diffSchedule), though computeOwedUpdates no
 * longer lists them. Same arithmetic as the rules' advance notice.
 */
function pastAdvanceNotices(milestones: readonly MilestoneFacts[], arrestDate: string, settings: RuleSettings, calendar: WorkingDayCalendar) {
  const owed = [];
  for (const milestone of milestones) {
    if (milestone.status !== 'done' || !milestone.expectedDate || !settings.advanceNoticeMilestoneTypes.includes(milestone.type)) continue;
    const recorded = milestone.recordedAt.slice(0, 10);
    const learnedOn = recorded > arrestDate ? recorded : arrestDate;
    const fullNotice = calendar.subtractWorkingDays(milestone.expectedDate, settings.advanceNoticeWorkingDays);
    const soonest = calendar.nextWorkingDayOnOrAfter(learnedOn);
    const dueDate = fullNotice > soonest ? fullNotice : soonest;
    if (dueDate >= milestone.expectedDate) continue;
    owed.push({
      key: `advance_notice:${milestone.id}:${milestone.expectedDate}`,
      reason: 'advance_notice' as const,
      owedFrom: learnedOn,
      dueDate,
      milestoneId: milestone.id,
      wellbeingCheckId: null,
      riskLevel: null,
    });
  }
  return owed;
}

/** Saturday and Sunday calls move to Monday. */
function weekday(day: number): number {
  const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow === 6 ? day + 2 : dow === 0 ? day + 1 : day;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
