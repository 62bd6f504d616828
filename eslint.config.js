import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noReact = { regex: '^react(-dom)?(/.*)?$', message: 'dsp/ and engine/ never import React.' };
const noTone = { regex: '^tone(/.*)?$', message: 'Only engine/ (and app/) talk to Tone.js.' };
const noWavesurferOutsideUi = { regex: '^wavesurfer\\.js(/.*)?$', message: 'wavesurfer.js is a view: ui/ only.' };
const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `This layer may not import from ${name}/.` });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  // Layer rules: dsp <- engine; dsp <- state <- presets, lessons, ui; app wires everything.
  {
    files: ['src/dsp/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noTone, noWavesurferOutsideUi, layer('engine'), layer('state'), layer('ui'), layer('app')] }] },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noWavesurferOutsideUi, layer('ui'), layer('app')] }] },
  },
  {
    files: ['src/state/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noTone, noWavesurferOutsideUi, layer('engine'), layer('ui'), layer('app')] }] },
  },
  {
    files: ['src/presets/**', 'src/lessons/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noTone, noWavesurferOutsideUi, layer('engine'), layer('ui'), layer('app')] }] },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTone, layer('engine'), layer('app')] }] },
  },
);
