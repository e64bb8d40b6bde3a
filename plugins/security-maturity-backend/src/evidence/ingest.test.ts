import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseEvidence } from './ingest';

const read = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8'));
const ctx = (now = '2026-12-02T10:00:00.000Z') => ({
  now: new Date(now),
  validDays: 30,
  previous: new Map(),
});

describe('parseEvidence', () => {
  it('summarises a SARIF file per tool and category', () => {
    const [signal] = parseEvidence(
      'sarif',
      read('codeql.sarif.json'),
    ).summarise(ctx());
    expect(signal).toMatchObject({
      key: 'codeql:/language:javascript-typescript/',
      observedAt: '2026-11-30T08:19:41.482Z',
      validUntil: '2026-12-30T08:19:41.482Z',
      value: {
        tool: 'CodeQL',
        results: 5,
        oldestErrorSince: '2026-11-30T08:19:41.482Z',
      },
    });
  });

  it('checks provenance as the envelope or the statement it claims to be', () => {
    expect(() =>
      parseEvidence('slsa-provenance', {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'app', digest: { sha256: 'ab' } }],
        predicateType: 'https://slsa.dev/provenance/v0.1',
        predicate: {},
      }),
    ).toThrow(/\/predicateType must be equal to one of the allowed values/);
    expect(() =>
      parseEvidence('slsa-provenance', {
        payloadType: 'text/plain',
        payload: 'e30=',
        signatures: [],
      }),
    ).toThrow(/\/payloadType must be equal to constant/);
    const [signal] = parseEvidence(
      'slsa-provenance',
      read('slsa-generator.intoto.json'),
    ).summarise(ctx());
    expect(signal.value).toMatchObject({ buildLevel: 3, signed: true });
  });

  it('names the first structural problem', () => {
    expect(() =>
      parseEvidence('sarif', { version: '2.0.0', runs: [] }),
    ).toThrow(/\/version must be equal to constant/);
  });
});
