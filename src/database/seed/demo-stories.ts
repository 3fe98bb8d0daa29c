import { EntityManager } from 'typeorm';
import { SupervisorAlert } from '../../alerts/supervisor-alert.entity';
import { Case } from '../../cases/case.entity';
import { Contact } from '../../contacts/contact.entity';
import { Milestone } from '../../milestones/milestone.entity';
import {
  ContactMethod,
  ContactOutcome,
  DEFAULT_RULE_SETTINGS,
  MilestoneStatus,
  MilestoneType,
  RiskIndicator,
  addCalendarDays,
  assessRisk,
  calendarDaysBetween,
  createWorkingDayCalendar,
  loadExtraHolidays,
} from '../../rules';
import { UpdateDecline } from '../../updates/update-decline.entity';
import { recomputeSchedule } from '../../updates/update-scheduler';
import { WellbeingCheck, WellbeingContext } from '../../wellbeing/wellbeing-check.entity';

/** Days are counted back from the seed's today: 3 means three days ago; negative is still to come. */
interface DemoMilestone {
  type: MilestoneType;
  status: MilestoneStatus;
  doneAgo?: number;
  expectedIn?: number;
  /** When the officer recorded it (default: the arrest day). */
  recordedAgo?: number;
  note?: string;
}

interface DemoContact {
  ago: number;
  outcome: ContactOutcome;
  method?: ContactMethod;
  summary?: string;
}

interface DemoCheck {
  ago: number;
  context: WellbeingContext;
  distressLevel: number;
  indicators: RiskIndicator[];
  trustedPersonPresent: boolean;
  referrals?: string[];
  actions?: string;
}

export interface DemoStory {
  milestones?: DemoMilestone[];
  contacts?: DemoContact[];
  checks?: DemoCheck[];
  declines?: { fromAgo: number; reviewIn: number; note: string }[];
}

/** Contacts every `every` days from `fromAgo` back to `toAgo` days ago, all reaching the family. */
function regularCalls(fromAgo: number, toAgo: number, every: number): DemoContact[] {
  const calls: DemoContact[] = [];
  for (let ago = fromAgo; ago >= toAgo; ago -= every) calls.push({ ago, outcome: 'spoke', summary: 'Regular update call: no change in the investigation; next call agreed.' });
  return calls;
}

/**
 * What has happened on each demo case, chosen so that the demo shows every status an update can
 * have (met, met late, attempted, missed, open, declined) and one high-risk wellbeing check with
 * its supervisor alert, whatever day the seed runs.
 */
export const DEMO_STORIES: Record<string, DemoStory> = {
  // Met, met late (forensic examination news reached the family two days late), open.
  'NOR/2026/0101': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 40 },
      { type: 'interview', status: 'done', doneAgo: 40 },
      { type: 'bail_decision', status: 'done', doneAgo: 40, note: 'Released on bail with conditions.' },
      { type: 'forensic_started', status: 'done', doneAgo: 30, note: 'The devices are being examined. This usually takes several months.' },
      { type: 'bail_return', status: 'expected', expectedIn: 10, note: 'Bail return date at the police station.' },
    ],
    contacts: [
      { ago: 40, outcome: 'spoke', method: 'visit', summary: 'Arrest-day visit: explained what happens next and left the handbook.' },
      { ago: 27, outcome: 'spoke', summary: 'Told the family the device examination has started.' },
      { ago: 13, outcome: 'spoke' },
    ],
    checks: [{ ago: 40, context: 'arrest_day', distressLevel: 2, indicators: [], trustedPersonPresent: true, referrals: ['samaritans'] }],
  },
  // Attempted (a message left, no answer since) and missed.
  'NOR/2026/0102': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 100 },
      { type: 'bail_decision', status: 'done', doneAgo: 100, note: 'Released under investigation (no bail conditions).' },
    ],
    contacts: [...regularCalls(100, 35, 13), { ago: 22, outcome: 'left_message', summary: 'Left a voicemail asking for a call back.' }],
  },
  // A planned warrant: nothing is owed to the family before the arrest.
  'NOR/2026/0103': {
    milestones: [{ type: 'planned_warrant', status: 'expected', expectedIn: 3, recordedAgo: 5, note: 'Warrant planned.' }],
  },
  // Declined: the family asked for no updates for a while; advance notice of the hearing and media release.
  'NOR/2026/0104': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 240 },
      { type: 'charging_decision', status: 'done', doneAgo: 60, note: 'Charged.' },
      { type: 'first_hearing', status: 'expected', expectedIn: 12, recordedAgo: 20, note: 'First hearing at the magistrates’ court.' },
      { type: 'media_release', status: 'expected', expectedIn: 5, recordedAgo: 20, note: 'The force plans to name the defendant after the hearing is listed.' },
    ],
    contacts: [...regularCalls(240, 60, 12), { ago: 20, outcome: 'spoke', summary: 'Review of the decision to pause updates: the family would like them again.' }, { ago: 8, outcome: 'spoke' }],
    declines: [{ fromAgo: 58, reviewIn: -20, note: 'Partner asked for a break from updates until after the holidays.' }],
  },
  // Arrested today: first contact met at the door, a high-risk wellbeing check and its alert.
  'NOR/2026/0105': {
    milestones: [{ type: 'arrest', status: 'done', doneAgo: 0 }],
    contacts: [{ ago: 0, outcome: 'spoke', method: 'visit', summary: 'Arrest-day visit; handbook left.' }],
    checks: [
      {
        ago: 0,
        context: 'arrest_day',
        distressLevel: 3,
        indicators: ['self_harm_thoughts', 'alone_without_support'],
        trustedPersonPresent: false,
        referrals: ['samaritans', 'nhs_111'],
        actions: 'Stayed until a friend arrived; gave the Samaritans and NHS 111 numbers.',
      },
    ],
  },
  // Closed after no further action.
  'NOR/2026/0106': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 300 },
      { type: 'charging_decision', status: 'done', doneAgo: 15, note: 'No further action.' },
      { type: 'case_closed', status: 'done', doneAgo: 10 },
    ],
    contacts: [...regularCalls(300, 27, 13), { ago: 14, outcome: 'spoke', summary: 'Told the family: no further action.' }, { ago: 10, outcome: 'spoke' }],
  },
  // Convicted and sentenced, updates every 28 days.
  'NOR/2026/0107': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 400 },
      { type: 'sentence', status: 'done', doneAgo: 20 },
      { type: 'notification', status: 'done', doneAgo: 20, note: 'Notification requirements explained.' },
    ],
    contacts: [...regularCalls(400, 45, 26), { ago: 19, outcome: 'spoke', summary: 'Explained the sentence and the notification requirements.' }],
  },
  // Missed: nobody has called since the arrest-day visit.
  'SOU/2026/0201': {
    milestones: [{ type: 'arrest', status: 'done', doneAgo: 21 }],
    contacts: [{ ago: 21, outcome: 'spoke', method: 'visit', summary: 'Arrest-day visit.' }],
  },
  // Weekly updates; the last attempt got no answer (attempted), and one is due today.
  'SOU/2026/0202': {
    milestones: [{ type: 'arrest', status: 'done', doneAgo: 75 }],
    contacts: [...regularCalls(75, 14, 6), { ago: 8, outcome: 'no_answer', summary: 'No answer; no voicemail (not safe).' }],
  },
  // A medium-risk check three days ago owes a follow-up within the week; trial date known.
  'SOU/2026/0203': {
    milestones: [
      { type: 'arrest', status: 'done', doneAgo: 150 },
      { type: 'charging_decision', status: 'done', doneAgo: 140, note: 'Charged and remanded in custody.' },
      { type: 'first_hearing', status: 'done', doneAgo: 100 },
      { type: 'plea_hearing', status: 'done', doneAgo: 60 },
      { type: 'trial', status: 'expected', expectedIn: 30, recordedAgo: 60, note: 'Trial at the Crown Court.' },
    ],
    contacts: regularCalls(150, 3, 13),
    checks: [{ ago: 3, context: 'routine', distressLevel: 2, indicators: ['financial_hardship'], trustedPersonPresent: true, actions: 'Talked through the benefits helpline.' }],
  },
};

export interface SeedCaseContext {
  kase: Case;
  familyContactId: string;
  today: string;
  now: Date;
}

/** Writes one demo case's history and its scheduled updates, in the seed's transaction. */
export async function seedDemoHistory(manager: EntityManager, story: DemoStory, { kase, familyContactId, today, now }: SeedCaseContext): Promise<void> {
  const officerId = kase.liaisonOfficerId!;
  const day = (ago: number) => addCalendarDays(today, -ago);
  // Events "today" happened just now; earlier ones mid-morning (the same date in London all year).
  const at = (ago: number) => (ago === 0 ? now : new Date(`${day(ago)}T10:00:00Z`));
  const arrestAgo = kase.arrestDate ? calendarDaysBetween(kase.arrestDate, today) : 0;

  for (const m of story.milestones ?? []) {
    const recordedAt = at(m.recordedAgo ?? (m.doneAgo !== undefined ? m.doneAgo : arrestAgo));
    await manager.insert(Milestone, {
      caseId: kase.id,
      type: m.type,
      status: m.status,
      expectedDate: m.expectedIn !== undefined ? day(-m.expectedIn) : null,
      doneDate: m.doneAgo !== undefined ? day(m.doneAgo) : null,
      note: m.note ?? '',
      recordedAt,
      dateChangedAt: null,
      updatedAt: recordedAt,
      recordedByOfficerId: officerId,
    });
  }
  for (const c of story.contacts ?? []) {
    await manager.insert(Contact, {
      caseId: kase.id,
      occurredAt: at(c.ago),
      method: c.method ?? 'phone',
      outcome: c.outcome,
      summary: c.summary ?? (c.outcome === 'spoke' ? 'Update call.' : 'Tried to call.'),
      topicsCovered: [],
      familyContactId,
      officerId,
      correctsContactId: null,
      recordedAt: at(c.ago),
    });
  }
  for (const check of story.checks ?? []) {
    const { level, matchedRules } = assessRisk(check);
    const riskReasons = matchedRules.map((rule) => `${rule.level}: ${rule.when}`);
    const { identifiers } = await manager.insert(WellbeingCheck, {
      caseId: kase.id,
      occurredAt: at(check.ago),
      context: check.context,
      distressLevel: check.distressLevel,
      indicators: check.indicators,
      trustedPersonPresent: check.trustedPersonPresent,
      referrals: check.referrals ?? [],
      actions: check.actions ?? '',
      riskLevel: level,
      riskReasons,
      officerId,
      recordedAt: at(check.ago),
    });
    if (level === 'high') {
      await manager.insert(SupervisorAlert, {
        caseId: kase.id,
        teamId: kase.teamId,
        kind: 'high_risk_wellbeing',
        wellbeingCheckId: identifiers[0].id as string,
        reasons: riskReasons,
        raisedAt: at(check.ago),
        raisedByOfficerId: officerId,
        acknowledgedAt: null,
        acknowledgedByOfficerId: null,
      });
    }
  }
  for (const d of story.declines ?? []) {
    await manager.insert(UpdateDecline, {
      caseId: kase.id,
      from: day(d.fromAgo),
      reviewDate: day(-d.reviewIn),
      endedOn: null,
      note: d.note,
      recordedAt: at(d.fromAgo),
      recordedByOfficerId: officerId,
      endedAt: null,
      endedByOfficerId: null,
    });
  }
  if (kase.arrestDate) {
    // A new database has no settings record yet: the defaults apply.
    const settings = { ...DEFAULT_RULE_SETTINGS, advanceNoticeMilestoneTypes: [...DEFAULT_RULE_SETTINGS.advanceNoticeMilestoneTypes] };
    await recomputeSchedule(manager, kase.id, { today, now, settings, calendar: seedCalendar() });
  }
}

let calendar: ReturnType<typeof createWorkingDayCalendar> | null = null;
function seedCalendar() {
  calendar ??= createWorkingDayCalendar(loadExtraHolidays());
  return calendar;
}
