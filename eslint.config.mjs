import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// src/core runs in the CLI, the extension host and the browser: it may not
// reach for vscode or any Node built-in (DESIGN.md section 6).
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'media/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(describe|it|suite|test)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
      ],
    },
  },
  // The layers (DESIGN.md section 6): extension and cli use node and core; node
  // uses core; core uses nothing of ours above it. Paths are matched as written
  // in the import, so each fence names the folders it may not reach.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on vscode (DESIGN.md section 6).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not use Node built-ins: go through the FileSystem interface.' })),
          ],
          patterns: [{ group: ['**/extension', '**/extension/**', '**/cli', '**/cli/**', '**/node', '**/node/**'], message: 'src/core uses nothing of ours above it (DESIGN.md section 6).' }],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node is shared with the CLI: no vscode (DESIGN.md section 6).' }],
          patterns: [{ group: ['**/extension', '**/extension/**', '**/cli', '**/cli/**'], message: 'src/node uses only core (DESIGN.md section 6).' }],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code (DESIGN.md section 6).' }],
          patterns: [{ group: ['**/extension', '**/extension/**'], message: 'The CLI uses node and core, never the extension (DESIGN.md section 6).' }],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli', '**/cli/**'], message: 'The extension uses node and core, never the CLI (DESIGN.md section 6).' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.mjs', 'test/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
  },
);
