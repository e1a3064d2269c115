import { expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { VERSION } from '../src/version.js';

it('VERSION is package.json’s', () => {
  expect(VERSION).toBe(pkg.version);
});
