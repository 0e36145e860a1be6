// Test templates kept between runs: a template is made once per digest of what it is made from, and the
// digest changes with the seed's options and day.
import { mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedTemplate, templateCachePath } from '../src/testing/template-cache.js';

describe('kept test templates', () => {
  it('are named by what they are made from: the seed options and day, or none', () => {
    const day = templateCachePath({ today: '2026-11-24' });
    expect(templateCachePath({ today: '2026-11-24' })).toBe(day);
    const others = [
      templateCachePath({ today: '2026-11-25' }),
      templateCachePath({ today: '2026-11-24', seed: 7 }),
      templateCachePath(null),
      templateCachePath('empty'),
    ];
    expect(new Set([day, ...others]).size).toBe(5);
    expect(others.map((path) => path.split('/').at(-1)!.split('-')[0])).toEqual([
      'seeded',
      'seeded',
      'migrated',
      'empty',
    ]);
  });

  it('are made once, then used as they are; beyond eight, the least recently used go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'binaan-template-cache-'));
    let made = 0;
    const make = async () => {
      made += 1;
      return new TextEncoder().encode(`archive ${made}`);
    };
    const path = (name: string) => join(dir, `${name}.tar`);
    const first = await cachedTemplate(path('a'), make);
    expect(await cachedTemplate(path('a'), make)).toBe(first);
    expect([made, readFileSync(first, 'utf8')]).toEqual([1, 'archive 1']);
    // a made two hours ago, b to i an hour ago, one second apart; then a is used again, and j is made.
    for (const [index, name] of [...'bcdefghi'].entries()) {
      await cachedTemplate(path(name), make);
      const then = new Date(Date.now() - 3_600_000 + index * 1000);
      utimesSync(path(name), then, then);
    }
    const longAgo = new Date(Date.now() - 7_200_000);
    utimesSync(path('a'), longAgo, longAgo);
    await cachedTemplate(path('a'), make);
    await cachedTemplate(path('j'), make);
    expect(made).toBe(10);
    expect(readdirSync(dir).sort()).toEqual([...'adefghij'].map((name) => `${name}.tar`));
  });
});
