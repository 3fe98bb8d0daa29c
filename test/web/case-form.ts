/** A filled-in create-case form, as a browser would post it; override what the test is about. */
let sequence = 0;

export function caseForm(overrides: Record<string, string> = {}): Record<string, string> {
  sequence += 1;
  return {
    reference: `WEB/${process.pid}/${sequence}`,
    offenceType: 'iioc_possession',
    suspectStatus: 'bail_with_conditions',
    'arrestDate.day': '2',
    'arrestDate.month': '3',
    'arrestDate.year': '2026',
    'plannedArrestDate.day': '',
    'plannedArrestDate.month': '',
    'plannedArrestDate.year': '',
    updateFrequencyDays: '14',
    childrenAtHome: 'yes',
    'childrenAgeBands.under5': '1',
    'childrenAgeBands.age5to11': '',
    'childrenAgeBands.age12to17': '2',
    partnerWorksWithChildren: 'no',
    'contactPreferences.method': 'phone',
    'contactPreferences.times': 'Evenings',
    'contactPreferences.textSafe': 'yes',
    preferredLanguage: 'English',
    'familyContacts.0.name': 'Robin Example',
    'familyContacts.0.relationship': 'partner',
    'familyContacts.0.phone': '07700 900123',
    'familyContacts.0.email': 'robin@example.org',
    'familyContacts.1.name': '',
    'familyContacts.1.relationship': '',
    'familyContacts.1.phone': '',
    'familyContacts.1.email': '',
    deputyOfficerId: '',
    investigatingOfficerId: '',
    ...overrides,
  };
}

/** The case id from a `/cases/<id>?saved=…` redirect. */
export function caseIdFrom(location: string): string {
  const match = /^\/cases\/([0-9a-f-]{36})\?saved=\w+$/.exec(location);
  if (!match) throw new Error(`Not a case page redirect: ${location}`);
  return match[1];
}
