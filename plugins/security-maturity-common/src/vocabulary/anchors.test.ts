import { securityTabRecordAnchor, securityTabSectionOf } from './anchors';

describe('anchors of the Security tab', () => {
  it('name one record, and the section that lists it', () => {
    const anchor = securityTabRecordAnchor('exception', '6f1c2a9e');
    expect(anchor).toBe('security-exception-6f1c2a9e');
    expect(securityTabSectionOf(anchor)).toBe('security-exceptions');
    expect(securityTabSectionOf('security-stage-threat-modeling')).toBe(
      'security-stages',
    );
    expect(securityTabSectionOf('security-worksheet-w1')).toBe(
      'security-worksheets',
    );
  });

  it('leave sections and other anchors alone', () => {
    expect(securityTabSectionOf('security-exceptions')).toBeUndefined();
    expect(securityTabSectionOf('samm-G-SM-1-A')).toBeUndefined();
  });
});
