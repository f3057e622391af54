// ESLint: typed TypeScript rules for src/, scripts/ and test/, the Astro plugin for .astro files.
// Layout and spacing are Prettier's job (npm run format), so no stylistic rule is enabled here.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, caches and content that is not code.
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.itinera-tmp/',
      '.cache/',
      'artifacts/',
      'bench/',
      'content/',
      'examples/',
      'public/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Numbers and booleans in template literals read fine; objects still get flagged.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  astro.configs.recommended,
  {
    // Tests read built JSON (JSON.parse gives `any`) and use Vitest's asymmetric matchers (typed
    // `any` by design); a wrong guess about a shape fails the assertion that reads it.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // .astro files and plain JS config files are outside the TypeScript project service.
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
