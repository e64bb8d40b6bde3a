import { defaultWorkflow } from '../config/defaults';
import {
  checkExceptionRequest,
  checkExceptionTransition,
  EXCEPTION_TRANSITIONS,
  isLeadAction,
} from './exceptionLifecycle';
import { RuleViolation } from './RuleViolation';

const now = new Date('2026-12-02T12:00:00Z');
const inDays = (d: number) =>
  new Date(now.getTime() + d * 86_400_000).toISOString();
const exception = (
  status: 'requested' | 'approved' | 'rejected' | 'expired',
  expiresIn = 30,
) => ({
  status,
  requestedBy: 'user:default/olivia',
  expiresAt: inDays(expiresIn),
  version: 3,
});

const violation = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return { kind: e.kind, message: e.message };
    throw e;
  }
  return undefined;
};

describe('exception lifecycle', () => {
  it.each([
    ['approve', 'requested', 'approved'],
    ['reject', 'requested', 'rejected'],
    ['revoke', 'approved', 'revoked'],
    ['close', 'requested', 'closed'],
    ['close', 'approved', 'closed'],
  ] as const)('%s moves %s to %s', (transition, from, to) => {
    expect(
      checkExceptionTransition({
        exception: exception(from as 'requested' | 'approved'),
        transition,
        actor: 'user:default/lena',
        readVersion: 3,
        now,
      }),
    ).toBe(to);
  });

  it('expires an approved exception once its expiry has passed, and not before', () => {
    const past = exception('approved', -1);
    expect(
      checkExceptionTransition({
        exception: past,
        transition: 'expire',
        actor: 'plugin:security-maturity',
        readVersion: 3,
        now,
      }),
    ).toBe('expired');
    expect(
      violation(() =>
        checkExceptionTransition({
          exception: exception('approved', 5),
          transition: 'expire',
          actor: 'plugin:security-maturity',
          readVersion: 3,
          now,
        }),
      )?.kind,
    ).toBe('conflict');
    // Only approved exceptions expire; a request past its date stays as it is.
    expect(
      violation(() =>
        checkExceptionTransition({
          exception: exception('requested', -1),
          transition: 'expire',
          actor: 'plugin:security-maturity',
          readVersion: 3,
          now,
        }),
      ),
    ).toEqual({
      kind: 'conflict',
      message: 'An exception that is requested cannot be expired',
    });
  });

  it('never lets anyone approve or reject their own request, whatever the case of the ref', () => {
    for (const transition of ['approve', 'reject'] as const) {
      expect(
        violation(() =>
          checkExceptionTransition({
            exception: exception('requested'),
            transition,
            actor: 'user:default/OLIVIA',
            readVersion: 3,
            now,
          }),
        ),
      ).toEqual({
        kind: 'forbidden',
        message: 'Nobody may approve or reject their own exception request',
      });
    }
  });

  it('answers a transition from the wrong status with a conflict naming both', () => {
    expect(
      violation(() =>
        checkExceptionTransition({
          exception: exception('rejected' as 'requested'),
          transition: 'approve',
          actor: 'user:default/lena',
          readVersion: 3,
          now,
        }),
      ),
    ).toEqual({
      kind: 'conflict',
      message: 'An exception that is rejected cannot be approved',
    });
  });

  it('leaves a stale version to the versioned write (which names who changed it)', () => {
    expect(
      checkExceptionTransition({
        exception: exception('rejected' as 'requested'),
        transition: 'approve',
        actor: 'user:default/lena',
        readVersion: 2,
        now,
      }),
    ).toBe('approved');
  });

  it('refuses to approve a request whose expiry has already passed', () => {
    expect(
      violation(() =>
        checkExceptionTransition({
          exception: exception('requested', -1),
          transition: 'approve',
          actor: 'user:default/lena',
          readVersion: 3,
          now,
        }),
      )?.kind,
    ).toBe('conflict');
  });

  it('keeps approvals for security leads and closing for owners too', () => {
    expect(isLeadAction('approve')).toBe(true);
    expect(isLeadAction('revoke')).toBe(true);
    expect(isLeadAction('close')).toBe(false);
    expect(Object.keys(EXCEPTION_TRANSITIONS)).toContain('expire');
  });

  it('checks a request against the configured controls and the longest allowed expiry', () => {
    const control = defaultWorkflow.baselineControls[0].id;
    expect(
      checkExceptionRequest(
        defaultWorkflow,
        { controlId: control, expiresAt: inDays(10) },
        now,
      ).control.id,
    ).toBe(control);
    expect(
      violation(() =>
        checkExceptionRequest(
          defaultWorkflow,
          { controlId: 'no-such-control', expiresAt: inDays(10) },
          now,
        ),
      )?.message,
    ).toMatch(/^Unknown baseline control 'no-such-control'; use one of /);
    expect(
      violation(() =>
        checkExceptionRequest(
          defaultWorkflow,
          { controlId: control, expiresAt: inDays(-1) },
          now,
        ),
      )?.message,
    ).toBe('The expiry must be in the future');
    expect(
      violation(() =>
        checkExceptionRequest(
          defaultWorkflow,
          {
            controlId: control,
            expiresAt: inDays(defaultWorkflow.exceptionMaxDays + 1),
          },
          now,
        ),
      )?.message,
    ).toBe(
      `An exception may last at most ${defaultWorkflow.exceptionMaxDays} days`,
    );
  });
});
