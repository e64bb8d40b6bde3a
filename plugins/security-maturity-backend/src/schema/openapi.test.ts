import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('holds exactly the spec in openapi.yaml (run scripts/generate-openapi.mjs)', () => {
    const yaml = parse(
      readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });
});
