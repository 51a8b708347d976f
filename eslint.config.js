// Lint rules for the app and its tests. Formatting beyond line length is left to the editor.
'use strict';

const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
    { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'test/harness/deno-shims/'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ['**/*.ts'],
        rules: {
            'max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
            'eqeqeq': ['error', 'always'],
            'no-console': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': 'off',
        },
    },
    {
        files: ['test/**/*.ts'],
        rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
    },
    {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'commonjs', globals: globals.node },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
);
