import { createCaseBody, problemsOnFormSlots, reassignBody, updateCaseBody } from './case-form';

describe('case form ↔ API body', () => {
  it('maps a create form into the shape of CreateCaseDto', () => {
    const { body, contactSlots } = createCaseBody(
      {
        reference: ' NOR/2026/9 ',
        offenceType: 'iioc_making',
        suspectStatus: 'in_custody',
        'arrestDate.day': '2',
        'arrestDate.month': '3',
        'arrestDate.year': '2026',
        childrenAtHome: 'yes',
        'childrenAgeBands.under5': '2',
        'childrenAgeBands.age5to11': '',
        'childrenAgeBands.age12to17': 'three',
        partnerWorksWithChildren: 'no',
        updateFrequencyDays: '7',
        liaisonOfficerId: 'someone-else',
        'contactPreferences.method': 'visit',
        'contactPreferences.voicemailSafe': 'yes',
        preferredLanguage: 'Welsh',
        'familyContacts.0.name': '',
        'familyContacts.1.name': 'Sam',
        'familyContacts.1.relationship': 'partner',
        'familyContacts.1.email': '',
      },
      'officer',
    );
    expect(body).toEqual({
      reference: 'NOR/2026/9',
      offenceType: 'iioc_making',
      suspectStatus: 'in_custody',
      arrestDate: '2026-03-02',
      childrenAtHome: true,
      childrenAgeBands: { under5: 2, age5to11: 0, age12to17: 'three' },
      partnerWorksWithChildren: false,
      updateFrequencyDays: 7,
      contactPreferences: { method: 'visit', times: '', voicemailSafe: true, textSafe: false },
      preferredLanguage: 'Welsh',
      mediaInterest: false,
      familyContacts: [{ name: 'Sam', relationship: 'partner' }],
    });
    expect(contactSlots).toEqual([1]);
  });

  it('lets only a supervisor name the liaison officer on a new case', () => {
    expect(createCaseBody({ liaisonOfficerId: 'x' }, 'supervisor').body.liaisonOfficerId).toBe('x');
    expect(createCaseBody({ liaisonOfficerId: 'x' }, 'officer').body.liaisonOfficerId).toBeUndefined();
  });

  it('leaves out what was not answered, so the validator asks for it', () => {
    const { body } = createCaseBody({ reference: '' }, 'officer');
    expect(body).toEqual({ reference: '', preferredLanguage: '', mediaInterest: false });
  });

  it('clears emptied dates and officers on an edit, and sends the whole contact list', () => {
    const { body } = updateCaseBody({ version: '4', investigatingOfficerId: '', 'arrestDate.day': '' });
    expect(body).toMatchObject({
      version: 4,
      arrestDate: null,
      plannedArrestDate: null,
      investigatingOfficerId: null,
      childrenAgeBands: { under5: 0, age5to11: 0, age12to17: 0 },
      familyContacts: [],
    });
  });

  it('reassigns with the version on screen; "No deputy" clears the deputy', () => {
    expect(reassignBody({ version: '2', liaisonOfficerId: 'a', deputyOfficerId: '' })).toEqual({ version: 2, liaisonOfficerId: 'a', deputyOfficerId: null });
  });

  it('moves a contact problem to the form slot it came from', () => {
    expect(
      problemsOnFormSlots(
        [
          { field: 'familyContacts.0.email', messages: ['bad'] },
          { field: 'familyContacts', messages: ['too many'] },
          { field: 'reference', messages: ['taken'] },
        ],
        [1],
      ).map((p) => p.field),
    ).toEqual(['familyContacts.1.email', 'familyContacts', 'reference']);
  });
});
