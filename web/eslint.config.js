// ESLint 9 flat config for the dashboard. `npm run lint` runs it with --max-warnings=0, so a
// warning fails as hard as an error. Formatting is Prettier's job: eslint-config-prettier (last)
// turns off every rule that would fight it. No rule is switched off here.
//
// Given files only (the pre-commit hook, from web/, paths relative to web/):
//   npx --no-install eslint --max-warnings=0 --no-warn-ignored <files>    (= npm run lint:staged -- <files>)
//   npx --no-install prettier --check --ignore-unknown <files>             (= npm run format:staged -- <files>)
// --no-warn-ignored / --ignore-unknown keep ignored or non-JS/TS files (dist/, index.html, Dockerfile)
// from failing the run.
//
// TypeScript: `tsc` for type checking is TypeScript 7 (the `typescript-native` alias; the scripts
// call node_modules/typescript-native/bin/tsc). TypeScript 7.0 has no JavaScript API yet, so the
// `typescript` package name is the official TypeScript 6 compatibility package, which is what
// typescript-eslint loads. (Not named @typescript/native: typescript-eslint declares an optional
// peer of that name for TypeScript >= 7.1, and npm 10's `npm ci` rejects a 7.0 there.)
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'node_modules/', '.vite/', 'e2e-output/']),

  // Application code, tests and vite.config.ts: everything tsconfig.json includes, linted with
  // type information (the project service reuses tsconfig.json; no separate lint tsconfig).
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  // Plain Node scripts (the browser e2e, this file): no type information, Node globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: globals.node,
    },
  },

  // The e2e drives Chromium from Node; the callbacks it hands to page.waitForFunction/evaluate run
  // inside the page, where `document` and friends exist.
  {
    files: ['e2e/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  prettier,
]);
