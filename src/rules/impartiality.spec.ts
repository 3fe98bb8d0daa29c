import { IMPARTIALITY_WARNING, impartialityWarning } from './impartiality';

describe('impartialityWarning', () => {
  it('warns when the liaison officer is also the investigating officer', () => {
    expect(impartialityWarning({ liaisonOfficerId: 'o-1', investigatingOfficerId: 'o-1' })).toBe(IMPARTIALITY_WARNING);
  });

  it('treats the same id given as number and string as the same officer', () => {
    expect(impartialityWarning({ liaisonOfficerId: 7, investigatingOfficerId: '7' })).toBe(IMPARTIALITY_WARNING);
  });

  it('says nothing when the roles are held by different officers', () => {
    expect(impartialityWarning({ liaisonOfficerId: 'o-1', investigatingOfficerId: 'o-2' })).toBeNull();
  });

  it('says nothing when either officer is not known yet', () => {
    expect(impartialityWarning({ liaisonOfficerId: 'o-1', investigatingOfficerId: null })).toBeNull();
    expect(impartialityWarning({ liaisonOfficerId: undefined, investigatingOfficerId: 'o-1' })).toBeNull();
  });

  it('says nothing when the force has switched the warning off', () => {
    expect(impartialityWarning({ liaisonOfficerId: 'o-1', investigatingOfficerId: 'o-1' }, { impartialityWarning: false })).toBeNull();
  });
});
