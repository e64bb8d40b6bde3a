// Writes src/schema/openapi.generated.ts of the backend plugin from its
// src/schema/openapi.yaml: the spec `as const`, so the validated router is typed
// from it without Java or the OpenAPI generator. `--check` fails if it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const dir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../plugins/security-maturity-backend/src/schema',
);
const spec = parse(readFileSync(resolve(dir, 'openapi.yaml'), 'utf8'));
const source = `// THIS FILE IS GENERATED from openapi.yaml by scripts/generate-openapi.mjs; do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
const output = prettier.format(source, {
  ...prettierConfig,
  parser: 'typescript',
});
const target = resolve(dir, 'openapi.generated.ts');
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== output) {
    console.error(`${target} is stale: run node scripts/generate-openapi.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, output);
}
