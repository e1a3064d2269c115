import * as sdk from '@loggd/sdk';
import { expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import * as enums from '../src/enums.js';
import { VERSION } from '../src/version.js';

it('the filter lists the tools accept are the SDK’s', () => {
  expect(enums.HABIT_STATUS_FILTERS).toEqual(sdk.HABIT_STATUS_FILTERS);
  expect(enums.TASK_STATUS_FILTERS).toEqual(sdk.TASK_STATUS_FILTERS);
  expect(enums.GOAL_STATUS_FILTERS).toEqual(sdk.GOAL_STATUS_FILTERS);
  expect(enums.TIME_HORIZONS).toEqual(sdk.TIME_HORIZONS);
  expect(enums.FOCUS_STATUS_FILTERS).toEqual(sdk.FOCUS_STATUS_FILTERS);
});

it('VERSION is package.json’s', () => {
  expect(VERSION).toBe(pkg.version);
});
