import { describe, expect, it } from 'vitest';

describe('record filters count days in WIB, like the analytics', () => {
  it('starts and ends a period at midnight WIB', async () => {
    const { periodTimestampWhere } = await import('../src/schema/filters.js');
    const where = periodTimestampWhere({
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-03-31T00:00:00Z'),
    });
    expect(where).toEqual({ gte: new Date('2025-02-28T17:00:00Z'), lt: new Date('2025-03-31T17:00:00Z') });
  });
});
