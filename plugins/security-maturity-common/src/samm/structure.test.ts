import { readdirSync } from 'fs';
import { resolve } from 'path';
import { SAMM_ACTIVITY_IDS, normalizeSammActivityId } from './structure';

describe('SAMM structure', () => {
  it('normalizes both spellings and rejects anything else', () => {
    expect(normalizeSammActivityId('G-SM-1-A')).toBe('G-SM-1-A');
    expect(normalizeSammActivityId('g-sm-a-1')).toBe('G-SM-1-A');
    expect(normalizeSammActivityId('O-OM-B-3')).toBe('O-OM-3-B');
    expect(normalizeSammActivityId('G-XX-1-A')).toBeUndefined();
    expect(normalizeSammActivityId('G-SM-1-C')).toBeUndefined();
    expect(normalizeSammActivityId('')).toBeUndefined();
  });

  it('has exactly the activities of the official OWASP SAMM v2.2.0 model files', () => {
    const dir = resolve(
      __dirname,
      '../../../../../shared/samm-model/model/activities',
    );
    const official = readdirSync(dir)
      .filter(f => f.endsWith('.yml'))
      .map(f => f.replace(/\.yml$/, ''))
      .sort();
    expect([...SAMM_ACTIVITY_IDS].sort()).toEqual(official);
  });
});
