import { resolve } from 'path';
import {
  SAMM_ACTIVITY_IDS,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { readdir } from 'fs/promises';
import { loadOfficialSammModel } from './loadOfficialSammModel';
import { builtinSammModel } from './sammModel';

// The official OWASP SAMM v2.2.0 model files (CC BY-SA 4.0), unchanged: see
// __fixtures__/samm-model/README.md.
const modelDir = resolve(__dirname, '__fixtures__/samm-model/model');

describe('loadOfficialSammModel', () => {
  it('reads the official model: 5 functions, 15 practices, 30 streams, 90 activities and questions', async () => {
    const model = await loadOfficialSammModel(modelDir);
    expect(model.source).toBe('official');
    expect(model.attribution).toMatch(/CC BY-SA 4.0/);
    const ids = model.activities.map(a => a.id);
    expect(ids).toEqual([...SAMM_ACTIVITY_IDS].sort());
    expect(new Set(model.activities.map(a => a.functionId)).size).toBe(5);
    expect(new Set(model.activities.map(a => a.practiceId))).toEqual(
      new Set(SAMM_PRACTICES.map(p => p.id)),
    );
    expect(
      new Set(model.activities.map(a => `${a.practiceId}-${a.stream}`)).size,
    ).toBe(30);
    expect(model.activities.every(a => a.question.endsWith('?'))).toBe(true);
    expect(
      model.activities.every(
        a =>
          a.answers.length === 4 &&
          a.answers[0].value === 0 &&
          a.answers[3].value === 1,
      ),
    ).toBe(true);
    expect(model.activities.every(a => a.criteria.length > 0)).toBe(true);

    const sa = model.activities.find(a => a.id === 'D-SA-1-A')!;
    expect(sa).toMatchObject({
      toolboxId: 'D-SA-A-1',
      practiceName: 'Secure Architecture',
      streamName: 'Architecture Design',
      level: 1,
    });
    expect(sa.question).toBe('Do teams use security principles during design?');
  });

  it('has one activity file per activity of the common SAMM structure', async () => {
    const official = (await readdir(resolve(modelDir, 'activities')))
      .filter(f => f.endsWith('.yml'))
      .map(f => f.replace(/\.yml$/, ''))
      .sort();
    expect(official).toHaveLength(90);
    expect([...SAMM_ACTIVITY_IDS].sort()).toEqual(official);
  });

  it('finds the 24 answer sets the questions use', async () => {
    expect((await readdir(resolve(modelDir, 'answer_sets'))).length).toBe(24);
    const model = await loadOfficialSammModel(modelDir);
    const distinct = new Set(
      model.activities.map(a => JSON.stringify(a.answers)),
    );
    expect(distinct.size).toBeGreaterThan(1);
    expect(distinct.size).toBeLessThanOrEqual(24);
  });

  it('fails with a clear message on a directory that is not the model', async () => {
    await expect(loadOfficialSammModel(__dirname)).rejects.toThrow(/ENOENT/);
  });

  it('has built-in wording for the same 90 activities', () => {
    const builtin = builtinSammModel();
    expect(builtin.activities.map(a => a.id).sort()).toEqual(
      [...SAMM_ACTIVITY_IDS].sort(),
    );
    expect(
      builtin.activities.find(a => a.id === 'D-SA-1-A')!.question,
    ).not.toBe('Do teams use security principles during design?');
  });
});
