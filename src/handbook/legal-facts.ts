/**
 * Every legal figure the handbook prints, each with the source it was taken from
 * (`/work/shared/handbook-facts.md`). Templates read these through the view; they never
 * contain a figure of their own, so a change in the law is a change here and in the tests.
 */
export const LEGAL_FACTS = {
  checkedOn: '2026-11-22',
  childMeansUnder: {
    years: 18,
    source: 'Protection of Children Act 1978; legislation.gov.uk/ukpga/1978/37/section/1; iwf.org.uk',
  },
  detention: {
    normalHours: 24,
    superintendentHours: 36,
    courtHours: 96,
    firstReviewHours: 6,
    laterReviewEveryHours: 9,
    source: 'PACE 1984 and Code C; policestationagent.com/police-custody-rights',
  },
  bail: {
    since: '2022-10-28',
    firstMonths: 3,
    inspectorMonths: 6,
    superintendentMonths: 9,
    source: 'Police, Crime, Sentencing and Courts Act 2022 Sch. 4; legislation.gov.uk/ukpga/2022/32/schedule/4; olliers.com',
  },
  maximumSentence: {
    takingMakingDistributingYears: 10,
    possessionYears: 5,
    source: 'Protection of Children Act 1978 s.1; Criminal Justice Act 1988 s.160; legislation.gov.uk',
  },
  imageCategories: {
    guidelineSince: '2014-04-01',
    source: 'Sentencing Council indecent images guideline; sentencingcouncil.org.uk; olliers.com',
  },
  guiltyPlea: {
    maximumReduction: 'one third',
    source: 'Sentencing Council; sentencingcouncil.org.uk; olliers.com',
  },
  notification: {
    prisonIndefiniteMonthsOrMore: 30,
    middlePeriodYears: 10,
    shortPrisonMonthsOrLess: 6,
    shortPrisonYears: 7,
    cautionYears: 2,
    otherSentenceYears: 5,
    firstNotificationDays: 3,
    source: 'Sexual Offences Act 2003 s.82; legislation.gov.uk/ukpga/2003/42/section/82; wiltshire.police.uk',
  },
  sexualHarmPreventionOrder: {
    minimumYears: 5,
    source: 'Sexual Offences Act 2003 s.103D; legislation.gov.uk/ukpga/2003/42/section/103D; stopitnow.org.uk',
  },
  childrensSocialCare: {
    strategyMeetingWorkingDays: 5,
    assessmentWorkingDays: 45,
    conferenceWorkingDays: 15,
    source: 'Children Act 1989 s.47; Lewisham safeguarding procedures; northyorkshirescp.trixonline.co.uk',
  },
  disqualificationByAssociation: {
    guidanceUpdated: '2018-08-31',
    source: 'Childcare Act 2006 statutory guidance (gov.uk); seeds/003',
  },
  arrestedPersonRisk: {
    highestRiskHours: 48,
    source: 'IOPC learning; College of Policing operational advice, 2019',
  },
} as const;

export type LegalFacts = typeof LEGAL_FACTS;
