import { ConfigReader } from '@backstage/config';
import { readGithubCollectorsConfig } from './config';

const read = (github: object) =>
  readGithubCollectorsConfig(
    new ConfigReader({ securityMaturity: { collectors: { github } } }),
  );

describe('readGithubCollectorsConfig', () => {
  it('has defaults', () => {
    expect(readGithubCollectorsConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      host: 'github.com',
      schedule: undefined,
      validDays: 7,
      concurrency: 4,
      maxRateLimitWaitMs: 900_000,
      scorecard: {
        enabled: true,
        baseUrl: 'https://api.securityscorecards.dev',
        publicOnly: true,
        schedule: undefined,
        validDays: 30,
      },
    });
  });

  it('reads schedules without a scope: collectors always run once across replicas', () => {
    const config = read({
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 30 },
        scope: 'local',
      },
      scorecard: {
        schedule: { frequency: { days: 7 }, timeout: { hours: 1 } },
      },
    });
    expect(config.schedule).toEqual({
      frequency: { hours: 6 },
      timeout: { minutes: 30 },
    });
    expect(config.schedule).not.toHaveProperty('scope');
    expect(config.scorecard.schedule).toEqual({
      frequency: { days: 7 },
      timeout: { hours: 1 },
    });
  });

  it('rejects a base URL that is not http(s) and non-positive numbers', () => {
    expect(() => read({ scorecard: { baseUrl: 'file:///etc' } })).toThrow(
      /http\(s\)/,
    );
    expect(() => read({ validDays: 0 })).toThrow(/validDays/);
    expect(
      read({ scorecard: { baseUrl: 'https://sc.example.com/' } }).scorecard
        .baseUrl,
    ).toBe('https://sc.example.com');
  });
});
