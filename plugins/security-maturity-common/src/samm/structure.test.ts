import { SAMM_QUESTIONS } from './questions';
import {
  SAMM_ACTIVITY_IDS,
  normalizeSammActivityId,
  sammToolboxId,
} from './structure';

describe('SAMM structure', () => {
  it('normalizes both spellings and rejects anything else', () => {
    expect(normalizeSammActivityId('G-SM-1-A')).toBe('G-SM-1-A');
    expect(normalizeSammActivityId('g-sm-a-1')).toBe('G-SM-1-A');
    expect(normalizeSammActivityId('O-OM-B-3')).toBe('O-OM-3-B');
    expect(normalizeSammActivityId('G-XX-1-A')).toBeUndefined();
    expect(normalizeSammActivityId('G-SM-1-C')).toBeUndefined();
    expect(normalizeSammActivityId('')).toBeUndefined();
  });

  it('has a question of our own for each of the 90 activities', () => {
    expect(Object.keys(SAMM_QUESTIONS).sort()).toEqual(
      [...SAMM_ACTIVITY_IDS].sort(),
    );
    expect(new Set(Object.values(SAMM_QUESTIONS)).size).toBe(90);
  });

  it('converts to the toolbox spelling and back', () => {
    expect(sammToolboxId('I-SB-2-A')).toBe('I-SB-A-2');
    expect(
      SAMM_ACTIVITY_IDS.every(
        id => normalizeSammActivityId(sammToolboxId(id)) === id,
      ),
    ).toBe(true);
  });

  // That these are exactly the activities of the official OWASP SAMM v2.2.0
  // model is checked beside the model files, in the backend's
  // src/samm/loadOfficialSammModel.test.ts.
});
