import type { Context } from '../context.js';
import { oncePerRequest } from '../request-cache.js';

/** Codes of the kabupaten/kota the caller may see; null when not limited to an area. */
export function allowedRegencyCodes(ctx: Context): Promise<string[]> | null {
  const ids = ctx.permissions.regencyIds;
  if (!ids) return null;
  return oncePerRequest(ctx, 'allowedRegencyCodes', async () => {
    const regencies = await ctx.db.prisma.regency.findMany({
      where: { id: { in: [...ids] } },
      select: { code: true },
      orderBy: { code: 'asc' },
    });
    return regencies.map((regency) => regency.code);
  });
}
