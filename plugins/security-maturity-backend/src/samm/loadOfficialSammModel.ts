import { readdir, readFile } from 'fs/promises';
import { join } from 'path';
import { parse } from 'yaml';
import { SAMM_ATTRIBUTION, SammModelView } from './sammModel';

type Doc = Record<string, any>;

async function readDocs(dir: string, kind: string): Promise<Doc[]> {
  const folder = join(dir, kind);
  const files = (await readdir(folder)).filter(f => /\.ya?ml$/.test(f)).sort();
  return Promise.all(
    files.map(async f => parse(await readFile(join(folder, f), 'utf8')) as Doc),
  );
}

function byId(docs: Doc[]): Map<string, Doc> {
  return new Map(docs.map(d => [d.id, d]));
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`SAMM model: ${what} is missing`);
  }
  return value;
}

/**
 * Reads the official OWASP SAMM model directory (the `model/` folder of the
 * owaspsamm/core repository) and resolves its GUID links into the 90
 * activities with their official question, criteria and answer set. Accepts
 * the key spellings of every v2 release (answerSet/answerset,
 * maturityLevel/maturitylevel).
 */
export async function loadOfficialSammModel(
  modelDir: string,
): Promise<SammModelView> {
  const [
    functions,
    practices,
    streams,
    activities,
    practiceLevels,
    maturityLevels,
    questions,
    answerSets,
  ] = await Promise.all(
    [
      'business_functions',
      'security_practices',
      'streams',
      'activities',
      'practice_levels',
      'maturity_levels',
      'questions',
      'answer_sets',
    ].map(kind => readDocs(modelDir, kind)),
  );
  const functionsById = byId(functions);
  const practicesById = byId(practices);
  const streamsById = byId(streams);
  const levelsById = byId(practiceLevels);
  const maturityById = byId(maturityLevels);
  const answerSetsById = byId(answerSets);
  const questionByActivity = new Map(questions.map(q => [q.activity, q]));

  const views = activities.map(activity => {
    const stream = must(
      streamsById.get(activity.stream),
      `stream of ${activity.title}`,
    );
    const practice = must(
      practicesById.get(stream.practice),
      `practice of stream ${stream.name}`,
    );
    const fn = must(
      functionsById.get(practice.function),
      `function of ${practice.name}`,
    );
    const practiceLevel = must(
      levelsById.get(activity.level),
      `level of ${activity.title}`,
    );
    const maturity = must(
      maturityById.get(
        practiceLevel.maturityLevel ?? practiceLevel.maturitylevel,
      ),
      `maturity level of ${activity.title}`,
    );
    const question = must(
      questionByActivity.get(activity.id),
      `question of ${activity.title}`,
    );
    const answerSet = must(
      answerSetsById.get(question.answerSet ?? question.answerset),
      `answer set of ${activity.title}`,
    );
    const fnLetter = String(fn.name).charAt(0).toUpperCase();
    const practiceId = `${fnLetter}-${practice.shortName}`;
    const level = Number(maturity.number);
    const letter = String(stream.letter) as 'A' | 'B';
    return {
      id: `${practiceId}-${level}-${letter}`,
      toolboxId: `${practiceId}-${letter}-${level}`,
      functionId: fnLetter,
      practiceId,
      practiceName: String(practice.name),
      stream: letter,
      streamName: String(stream.name),
      level,
      title: String(activity.title),
      question: String(question.text),
      criteria: (question.quality ?? []).map(String),
      answers: [...answerSet.values]
        .sort((a: Doc, b: Doc) => a.order - b.order)
        .map((v: Doc) => ({ value: Number(v.value), label: String(v.text) })),
    };
  });
  views.sort((a, b) => a.id.localeCompare(b.id));
  return {
    source: 'official',
    attribution: SAMM_ATTRIBUTION,
    activities: views,
  };
}
