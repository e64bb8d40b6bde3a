import { ConfigReader } from '@backstage/config';
import { readNotifyConfig } from './notifyConfig';

const read = (notifications: object) =>
  readNotifyConfig(new ConfigReader({ securityMaturity: { notifications } }));

describe('readNotifyConfig', () => {
  it('routes by the defaults, reminds at 30, 7 and 1 days, no digest', () => {
    const config = read({});
    expect(config.enabled).toBe(true);
    expect(config.routes['exception.requested']).toEqual({
      enabled: true,
      notify: ['securityLeads'],
    });
    expect(config.routes['stage.ready-for-sign-off'].notify).toEqual([
      'accountable',
    ]);
    expect(config.reminderDays).toEqual([30, 7, 1]);
    expect(config.digest.enabled).toBe(false);
  });

  it('takes overrides per event and reminder days', () => {
    const config = read({
      reminderDays: [3, 14],
      events: {
        'release-no-go': { notify: ['owners', 'securityLeads'] },
        'score-below-target': { enabled: false },
      },
    });
    expect(config.reminderDays).toEqual([14, 3]);
    expect(config.routes['release.no-go'].notify).toEqual([
      'owners',
      'securityLeads',
    ]);
    expect(config.routes['score.below-target'].enabled).toBe(false);
  });

  it('stops at start on an unknown event, audience or reminder day', () => {
    expect(() => read({ events: { 'exception-approve': {} } })).toThrow(
      /unknown event; known: exception-requested/,
    );
    expect(() =>
      read({ events: { 'release-no-go': { notify: ['managers'] } } }),
    ).toThrow(/unknown audience 'managers'/);
    expect(() => read({ reminderDays: [0] })).toThrow(/at least 1/);
  });
});
