let sequence = 0;

/** A valid case body; override what the test is about. */
export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    reference: `TEST/${process.pid}/${sequence}`,
    offenceType: 'iioc_possession',
    suspectStatus: 'bail_with_conditions',
    arrestDate: '2026-03-02',
    childrenAtHome: true,
    childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 1 },
    partnerWorksWithChildren: false,
    updateFrequencyDays: 14,
    contactPreferences: { method: 'phone', times: 'evenings', voicemailSafe: false, textSafe: true },
    familyContacts: [{ name: 'Test Partner', relationship: 'partner', phone: '07700 900123', email: 'partner@example.org' }],
    ...overrides,
  };
}
