import type { Scope } from '@loggd/sdk';
import type { RouteContext, RouteResult } from './context.js';
import { listFocusSessions, showFocusSession } from './focus-sessions.js';
import { listGoals, listGoalUpdates, showGoal } from './goals.js';
import { listChecks, listHabits, listSkips, showHabit } from './habits.js';
import { showProfile } from './profile.js';
import { listTasks, showTask } from './tasks.js';

export interface ApiRoute {
  /** Path under /api/v1/public, with `{id}` for numeric ids. */
  path: string;
  scope: Scope;
  /** The 404 name when an `{id}` is not numeric. */
  resource?: string;
  handle: (ctx: RouteContext) => RouteResult;
}

/** Every documented endpoint of the public API (all GET). */
export const API_ROUTES: ApiRoute[] = [
  { path: '/habits', scope: 'read:habits', handle: listHabits },
  { path: '/habits/{id}', scope: 'read:habits', resource: 'Habit', handle: showHabit },
  { path: '/habits/{id}/checks', scope: 'read:habits', resource: 'Habit', handle: listChecks },
  { path: '/habits/{id}/skips', scope: 'read:habits', resource: 'Habit', handle: listSkips },
  { path: '/tasks', scope: 'read:tasks', handle: listTasks },
  { path: '/tasks/{id}', scope: 'read:tasks', resource: 'Task', handle: showTask },
  { path: '/goals', scope: 'read:goals', handle: listGoals },
  { path: '/goals/{id}', scope: 'read:goals', resource: 'Goal', handle: showGoal },
  { path: '/goals/{id}/updates', scope: 'read:goals', resource: 'Goal', handle: listGoalUpdates },
  { path: '/focus-sessions', scope: 'read:focus', handle: listFocusSessions },
  { path: '/focus-sessions/{id}', scope: 'read:focus', resource: 'Focus session', handle: showFocusSession },
  { path: '/profile', scope: 'read:profile', handle: showProfile },
];

/** Match a path under /api/v1/public; `{id}` segments must be present, `badId` flags a non-numeric one. */
export function matchRoute(path: string): { route: ApiRoute; ids: number[]; badId: boolean } | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of API_ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const ids: number[] = [];
    let badId = false;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p === '{id}') {
        if (/^\d{1,15}$/.test(s)) ids.push(Number(s));
        else badId = true;
      } else if (p !== s) ok = false;
    }
    if (ok) return { route, ids, badId };
  }
  return undefined;
}
