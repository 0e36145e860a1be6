// Seeded randomness for the synthetic generator: the same seed and the same "today" give the same rows.
// Faker supplies Indonesian names and phone numbers from the same random stream.
import { base, en, Faker, generateMersenne53Randomizer, id_ID } from '@faker-js/faker';

export class SeededRandom {
  readonly faker: Faker;
  private readonly next: () => number;

  constructor(seed: number) {
    const randomizer = generateMersenne53Randomizer(seed);
    this.next = () => randomizer.next();
    this.faker = new Faker({ locale: [id_ID, en, base], randomizer });
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A key from a table of relative weights. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [key, weight] of entries) {
      point -= weight;
      if (point < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Poisson-distributed count with the given mean (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      const u = Math.max(this.next(), Number.EPSILON);
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
      return Math.max(0, Math.round(mean + normal * Math.sqrt(mean)));
    }
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** `count` items without replacement, more likely the heavier ones (Efraimidis–Spirakis). */
  weightedSample<T>(items: readonly T[], weightOf: (item: T) => number, count: number): T[] {
    return items
      .map((item) => ({ item, key: Math.pow(this.next(), 1 / Math.max(weightOf(item), 1e-9)) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, count)
      .map(({ item }) => item);
  }
}
