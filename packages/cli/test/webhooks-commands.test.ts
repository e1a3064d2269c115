import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS } from '@loggd/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../src/webhooks/overrides.js';
import { recordingApp, runWebhooks, sign, testIO } from './webhooks.support.js';

const SECRET = 'whsec_commands_test_abcdef012345';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loggd-webhooks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loggd webhooks verify', () => {
  it('exits 0 for a valid signature over the raw file bytes and 7 when one byte differs', async () => {
    const body = '{"event":"level.up","version":1,"data":{"new_level":5}}';
    const file = join(dir, 'body.json');
    await writeFile(file, body);
    const secretFile = join(dir, 'secret');
    await writeFile(secretFile, `${SECRET}\n`, { mode: 0o600 });
    const ok = testIO();
    expect(
      await runWebhooks(
        ['webhooks', 'verify', '--secret-file', secretFile, '--signature', sign(body, SECRET), file],
        ok.io,
      ),
    ).toBe(0);
    expect(ok.err.text).toBe(''); // "valid" only on a terminal
    const withNewline = join(dir, 'newline.json');
    await writeFile(withNewline, `${body}\n`);
    const bad = testIO();
    expect(
      await runWebhooks(
        ['webhooks', 'verify', '--secret', SECRET, '--signature', sign(body, SECRET), withNewline],
        bad.io,
      ),
    ).toBe(7);
    expect(bad.err.text).toContain(
      `error: invalid signature: --signature does not match the ${body.length + 1}-byte body`,
    );
    expect(bad.err.text).not.toContain(SECRET);
  });

  it('reads stdin (no FILE or -), byte for byte, and says "valid" on a terminal', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff, 0x00]); // a BOM, {}, and bytes that are not UTF-8
    for (const args of [[], ['-']]) {
      const t = testIO();
      t.stdin.end(bytes);
      expect(
        await runWebhooks(['webhooks', 'verify', '--signature', sign(bytes, SECRET), ...args], {
          ...t.io,
          env: { LOGGD_WEBHOOK_SECRET: SECRET },
        }),
      ).toBe(0);
    }
    const tty = testIO({ tty: true });
    const body = join(dir, 'tty.json');
    await writeFile(body, 'x');
    expect(
      await runWebhooks(['webhooks', 'verify', '--signature', sign('x', SECRET), body], {
        ...tty.io,
        env: { LOGGD_WEBHOOK_SECRET: SECRET },
      }),
    ).toBe(0);
    expect(tty.err.text).toBe('valid\n');
  });

  it('property: any bytes verify under their own signature and fail (7) under any other body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        async (bytes, extra) => {
          const signature = sign(bytes, SECRET);
          const good = testIO();
          good.stdin.end(Buffer.from(bytes));
          expect(
            await runWebhooks(['webhooks', 'verify', '--secret', SECRET, '--signature', signature], good.io),
          ).toBe(0);
          const other = testIO();
          other.stdin.end(Buffer.concat([bytes, extra]));
          expect(
            await runWebhooks(['webhooks', 'verify', '--secret', SECRET, '--signature', signature], other.io),
          ).toBe(7);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a malformed signature is invalid (7) with a hint; missing flags are usage errors (2)', async () => {
    const t = testIO();
    t.stdin.end('{}');
    expect(
      await runWebhooks(
        ['webhooks', 'verify', '--secret', SECRET, '--signature', sign('{}', SECRET).toUpperCase()],
        t.io,
      ),
    ).toBe(7);
    expect(t.err.text).toContain('64 lowercase hex');
    expect(t.err.text).toContain('warning: --secret is visible to other users of this machine (ps');
    const u = testIO();
    expect(await runWebhooks(['webhooks', 'verify', '--secret', SECRET], u.io)).toBe(2);
    expect(await runWebhooks(['webhooks', 'verify', '--signature', 'sha256=00'], u.io)).toBe(2);
    expect(u.err.text).toContain('set LOGGD_WEBHOOK_SECRET or give --secret-file PATH');
    const v = testIO();
    expect(await runWebhooks(['webhooks', 'verify', '--secret', SECRET, '--signature', 'nothex'], v.io)).toBe(
      2,
    );
    expect(v.err.text).toContain("invalid --signature 'nothex'");
  });
});

describe('loggd webhooks events', () => {
  it('--format json lists the 15 events with their example data', async () => {
    const t = testIO();
    expect(await runWebhooks(['--format', 'json', 'webhooks', 'events'], t.io)).toBe(0);
    const events = JSON.parse(t.out.text) as Array<{ name: string; category: string; example: unknown }>;
    expect(events.map((e) => e.name)).toEqual([...WEBHOOK_EVENT_NAMES]);
    for (const e of events)
      expect(e.example).toEqual(WEBHOOK_EVENTS[e.name as keyof typeof WEBHOOK_EVENTS].example);
  });

  it('a table on a terminal (name, category, description), TSV when piped, one event with its example', async () => {
    const tty = testIO({ tty: true });
    expect(await runWebhooks(['webhooks', 'events'], tty.io)).toBe(0);
    const lines = tty.out.lines();
    expect(lines[0]).toMatch(/^NAME\s+CATEGORY\s+DESCRIPTION$/);
    expect(lines).toHaveLength(16);
    expect(lines.find((l) => l.startsWith('level.up'))).toMatch(
      /^level\.up\s+Gamification\s+Fired when the user reaches a new level\.$/,
    );
    const piped = testIO();
    await runWebhooks(['webhooks', 'events'], piped.io);
    expect(piped.out.lines()[0]?.split('\t')).toEqual(['name', 'category', 'description', 'note']);
    const one = testIO();
    expect(await runWebhooks(['--json', 'webhooks', 'events', 'habit.completed'], one.io)).toBe(0);
    expect(JSON.parse(one.out.text)).toMatchObject({
      name: 'habit.completed',
      example: WEBHOOK_EVENTS['habit.completed'].example,
    });
    const unknown = testIO();
    expect(await runWebhooks(['webhooks', 'events', 'habit.done'], unknown.io)).toBe(2);
    expect(unknown.err.text).toContain('habit.completed');
  });
});

describe('loggd webhooks trigger', () => {
  it('--set overrides data fields (JSON values parsed, else strings) and keeps the rest of the example', async () => {
    const app = await recordingApp();
    try {
      const t = testIO();
      const args = ['webhooks', 'trigger', 'habit.completed', '--url', app.url, '--secret', SECRET];
      const sets = [
        '--set',
        'data.streak=30',
        '--set',
        'habit_name=Evening run',
        '--set',
        'check_date="2026-05-01"',
      ];
      expect(await runWebhooks([...args, ...sets], t.io)).toBe(0);
      const [received] = app.received;
      const envelope = JSON.parse(received!.body.toString());
      expect(envelope.data).toEqual({
        ...WEBHOOK_EVENTS['habit.completed'].example,
        streak: 30,
        habit_name: 'Evening run',
        check_date: '2026-05-01',
      });
      // signed with the secret, the documented headers, timestamp now
      const headers = Object.fromEntries(
        received!.rawHeaders.flatMap((v, i, a) => (i % 2 === 0 ? [[v.toLowerCase(), a[i + 1]]] : [])),
      );
      expect(headers['x-loggd-signature']).toBe(sign(received!.body, SECRET));
      expect(headers['x-loggd-event']).toBe('habit.completed');
      expect(headers['user-agent']).toBe('Loggd-Webhook/1.0');
      expect(Math.abs(Date.parse(envelope.timestamp) - Date.now())).toBeLessThan(60_000);
    } finally {
      await app.close();
    }
  });

  it('an unknown --set path fails with exit 2 listing the valid paths, before sending anything', async () => {
    const app = await recordingApp();
    try {
      const t = testIO();
      const code = await runWebhooks(
        ['webhooks', 'trigger', 'level.up', '--url', app.url, '--secret', SECRET, '--set', 'data.levle=6'],
        t.io,
      );
      expect(code).toBe(2);
      expect(t.err.text).toContain("unknown path 'data.levle'");
      for (const key of Object.keys(WEBHOOK_EVENTS['level.up'].example))
        expect(t.err.text).toContain(`data.${key}`);
      expect(app.received).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('an unknown event exits 2 listing the 15 events; a refused connection exits 1', async () => {
    const t = testIO();
    expect(
      await runWebhooks(
        ['webhooks', 'trigger', 'habit.done', '--url', 'http://127.0.0.1:9/', '--secret', SECRET],
        t.io,
      ),
    ).toBe(2);
    for (const name of WEBHOOK_EVENT_NAMES) expect(t.err.text).toContain(name);
    const app = await recordingApp();
    await app.close();
    const down = testIO();
    expect(
      await runWebhooks(['webhooks', 'trigger', 'level.up', '--url', app.url, '--secret', SECRET], down.io),
    ).toBe(1);
    expect(down.out.json()[0]).toMatchObject({ status: null, ok: false, error: 'ECONNREFUSED' });
    const usage = testIO();
    expect(await runWebhooks(['webhooks', 'trigger', 'level.up', '--secret', SECRET], usage.io)).toBe(2);
    expect(await runWebhooks(['webhooks', 'trigger', '--url', app.url, '--secret', SECRET], usage.io)).toBe(
      2,
    );
    expect(
      await runWebhooks(
        ['webhooks', 'trigger', 'level.up', '--url', app.url, '--secret', SECRET, '--time-scale', '0.1'],
        usage.io,
      ),
    ).toBe(2);
  });

  it('property: a --set value is the JSON it parses as, or the text itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const [o] = parseOverrides([`data.x=${JSON.stringify(value)}`]);
        expect(o?.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
        expect(parseOverrides([`a.b=${text}`])[0]).toMatchObject({ path: ['a', 'b'], value: parsed });
      }),
    );
  });
});
