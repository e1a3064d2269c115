export * from './common.js';
export * from './errors.js';
export * from './focus-sessions.js';
export * from './goals.js';
export * from './habits.js';
export * from './profile.js';
export * from './tasks.js';
