import { closedAt, newWorksheetContent, stampTimeline } from './worksheetRules';
import { findRasiActivity, normalizeRasi } from './rasiRules';
import { checkEvidencePush, checkReleaseDecision } from './releaseRules';
import { defaultWorkflow } from '../config/defaults';
import { RuleViolation } from './RuleViolation';
import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { diff } from './diff';

const now = new Date('2026-12-02T12:00:00Z');

describe('worksheet rules', () => {
  it('starts a worksheet with containment owners from the RASI Accountables', () => {
    const content = newWorksheetContent({
      kind: 'drill',
      accountableFor: activity =>
        activity === 'incident-isolate' ? 'group:default/platform-team' : null,
      actor: 'user:default/olivia',
      now,
    });
    expect(content.containmentOwners).toEqual({
      isolate: 'group:default/platform-team',
      revoke: null,
      freeze: null,
      recover: null,
    });
    expect(content.timeline).toEqual([
      {
        at: now.toISOString(),
        entry: 'Drill started',
        by: 'user:default/olivia',
      },
    ]);
  });

  it('credits new timeline entries to the caller, never to the name in the request', () => {
    const stored = [{ at: 't1', entry: 'Paged', by: 'user:default/olivia' }];
    expect(
      stampTimeline(
        stored,
        [...stored, { at: 't2', entry: 'Isolated', by: 'user:default/lena' }],
        'user:default/tom',
      ),
    ).toEqual([
      ...stored,
      { at: 't2', entry: 'Isolated', by: 'user:default/tom' },
    ]);
  });

  it('keeps the first close time, clears it on re-opening', () => {
    const first = new Date('2026-11-01T00:00:00Z');
    expect(closedAt({ status: 'open' }, 'closed', now)).toEqual(now);
    expect(
      closedAt(
        { status: 'closed', closedAt: first.toISOString() },
        'closed',
        now,
      ),
    ).toEqual(first);
    expect(
      closedAt(
        { status: 'closed', closedAt: first.toISOString() },
        'open',
        now,
      ),
    ).toBeNull();
  });
});

describe('RASI rules', () => {
  it('wants exactly one named Accountable and drops repeats', () => {
    expect(
      normalizeRasi({
        responsible: ['user:default/a', 'user:default/a'],
        accountable: 'group:default/payments-team',
        supportive: [],
        informed: ['user:default/b', 'user:default/b'],
      }),
    ).toEqual({
      responsible: ['user:default/a'],
      accountable: 'group:default/payments-team',
      supportive: [],
      informed: ['user:default/b'],
    });
    expect(() =>
      normalizeRasi({
        responsible: [],
        accountable: ' ',
        supportive: [],
        informed: [],
      }),
    ).toThrow(RuleViolation);
  });

  it('names the configured activities for an unknown one', () => {
    expect(() => findRasiActivity(defaultWorkflow, 'nope')).toThrow(
      /^Unknown RASI activity 'nope'; use one of /,
    );
  });
});

describe('release rules', () => {
  const release = (decision: ReleaseRecord['decision']): ReleaseRecord => ({
    id: 'r1',
    release: '1.4.0',
    decision,
    evidence: [],
    version: 2,
    updatedAt: now.toISOString(),
    updatedBy: 'user:default/olivia',
  });

  it('takes evidence only while undecided', () => {
    expect(() => checkEvidencePush(release('pending'))).not.toThrow();
    expect(() => checkEvidencePush(release('go'))).toThrow(
      'Release 1.4.0 was already decided (go); evidence can no longer be added',
    );
  });

  it('decides once; a stale version is left to the versioned write', () => {
    expect(() => checkReleaseDecision(release('no_go'), 2)).toThrow(
      'Release 1.4.0 was already decided (no_go)',
    );
    expect(() => checkReleaseDecision(release('no_go'), 1)).not.toThrow();
  });
});

describe('history diff', () => {
  it('lists changed fields only, without who and when', () => {
    expect(
      diff(
        { status: 'a', notes: 'x', version: 1, updatedBy: 'u' },
        { status: 'b', notes: 'x', version: 2, updatedBy: 'v' },
      ),
    ).toEqual({ status: { from: 'a', to: 'b' } });
    expect(diff(undefined, { status: 'a' })).toEqual({
      status: { from: null, to: 'a' },
    });
  });
});
