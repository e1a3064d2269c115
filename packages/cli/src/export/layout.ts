import { join } from 'node:path';

/** Files of the canonical store (NDJSON, the API's objects; children carry their parent's id first). */
export const STORE_FILES = {
  profile: 'profile.json',
  habits: 'habits.ndjson',
  checks: 'habit_checks.ndjson',
  skips: 'habit_skips.ndjson',
  tasks: 'tasks.ndjson',
  goals: 'goals.ndjson',
  updates: 'goal_updates.ndjson',
  focus: 'focus_sessions.ndjson',
} as const;

/**
 * Where an export keeps its state, all under DIR/.loggd-export: `store/` is the last committed canonical data
 * (the source of incremental cursors), `run/` the run in progress (fetched units, the assembled store, rendered
 * files), `commit.json` the list of renames of a commit under way (rolled forward by the next run if cut short).
 */
export class Layout {
  constructor(readonly out: string) {}
  get state(): string {
    return join(this.out, '.loggd-export');
  }
  get store(): string {
    return join(this.state, 'store');
  }
  get run(): string {
    return join(this.state, 'run');
  }
  get runInfo(): string {
    return join(this.run, 'run.json');
  }
  get units(): string {
    return join(this.run, 'units');
  }
  get nextStore(): string {
    return join(this.run, 'store');
  }
  get rendered(): string {
    return join(this.run, 'out');
  }
  get commit(): string {
    return join(this.state, 'commit.json');
  }
  get lock(): string {
    return join(this.state, 'lock');
  }
  unit(...parts: string[]): string {
    return join(this.units, ...parts);
  }
}
