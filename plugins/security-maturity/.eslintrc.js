module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    '@backstage/no-top-level-material-ui-4-imports': 'error',
  },
  testRules: {
    // Shared assertions in __testUtils__ are named expect…, e.g.
    // expectConflictWithReload.
    'jest/expect-expect': ['warn', { assertFunctionNames: ['expect*'] }],
  },
});
