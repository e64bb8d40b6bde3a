// Builds and packs the six packages of the plugin family as they would be
// published, and checks what each tarball holds: compiled code and type
// declarations, the entry points package.json names, the backend's migrations
// and config schema, a README, and complete `backstage` metadata.
// Usage: node scripts/pack-check.mjs [--out DIR]   (after `yarn tsc`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const outArg = process.argv.indexOf('--out');
const out =
  outArg > 0
    ? resolve(process.argv[outArg + 1])
    : mkdtempSync(join(tmpdir(), 'secmat-pack-'));
const family = [
  'security-maturity-common',
  'security-maturity-node',
  'security-maturity-backend',
  'security-maturity-backend-module-samm',
  'security-maturity-backend-module-github',
  'security-maturity',
];

const manifestsBefore = family.map(dir =>
  readFileSync(join(root, 'plugins', dir, 'package.json'), 'utf8'),
);

let passed = 0;
let failed = 0;
function check(pkg, what, ok) {
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`  ✗ ${pkg}: ${what}`);
  }
}

const run = (cwd, cmd, args) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

for (const dir of family) {
  const cwd = join(root, 'plugins', dir);
  run(cwd, 'yarn', ['build']);
  const tarball = join(out, `${dir}.tgz`);
  run(cwd, 'yarn', ['pack', '--out', tarball]);
  const files = new Set(
    run(out, 'tar', ['-tzf', tarball])
      .trim()
      .split('\n')
      .map(f => f.replace(/^package\//, '')),
  );
  const manifest = JSON.parse(
    run(out, 'tar', ['-xzOf', tarball, 'package/package.json']),
  );
  const has = f => files.has(f.replace(/^\.\//, ''));

  check(dir, 'README.md', has('README.md'));
  check(dir, 'main points at a packed file', has(manifest.main));
  check(
    dir,
    'types point at packed declarations',
    has(manifest.types) && manifest.types.endsWith('.d.ts'),
  );
  check(
    dir,
    'no TypeScript sources',
    ![...files].some(f => f.startsWith('src/')),
  );
  check(
    dir,
    'pluginId security-maturity',
    manifest.backstage?.pluginId === 'security-maturity',
  );
  check(
    dir,
    'pluginPackages or pluginPackage',
    Array.isArray(manifest.backstage?.pluginPackages)
      ? manifest.backstage.pluginPackages.length === family.length
      : manifest.backstage?.pluginPackage ===
          '@secmat/backstage-plugin-security-maturity-backend',
  );
  for (const [entry, target] of Object.entries(manifest.exports ?? {})) {
    const paths =
      typeof target === 'string'
        ? [target]
        : Object.values(target).filter(
            v => typeof v === 'string' && v.startsWith('./'),
          );
    check(dir, `export ${entry} resolves`, paths.every(has));
  }
  if (dir === 'security-maturity') {
    check(dir, 'exports ./alpha', Boolean(manifest.exports?.['./alpha']));
    check(dir, 'alpha declarations', has('dist/alpha.d.ts'));
  }
  if (dir === 'security-maturity-backend') {
    const migrations = readdirSync(join(cwd, 'migrations')).filter(f =>
      f.endsWith('.js'),
    );
    check(
      dir,
      'every migration',
      migrations.length > 0 && migrations.every(m => has(`migrations/${m}`)),
    );
    // Packing compiles config.d.ts into the JSON schema Backstage loads.
    check(
      dir,
      'config schema',
      has('config.schema.json') &&
        manifest.configSchema === 'config.schema.json',
    );
  }
  console.log(
    `  packed ${manifest.name}@${manifest.version}: ${files.size} files`,
  );
}

// Packing rewrites package.json for the duration and restores it afterwards.
family.forEach((dir, i) =>
  check(
    dir,
    'package.json restored after packing',
    readFileSync(join(root, 'plugins', dir, 'package.json'), 'utf8') ===
      manifestsBefore[i],
  ),
);

console.log(`tarballs in ${out}`);
console.log(`pack: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
