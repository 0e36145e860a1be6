// A choropleth's colour classes: round breaks a reader can say aloud ("10-20 %"), a class of its own for
// zero (no activity is a finding, not the palest shade of some), and grey for areas without figures.
import { nice, ticks } from 'd3-array';
import { schemeBlues, schemeOranges } from 'd3-scale-chromatic';

export interface ColourClass {
  /** Values above this (or equal to it, for the zero class)… */
  from: number;
  /** …up to and including this. */
  to: number;
  colour: string;
}

export type Palette = 'blues' | 'oranges';

/** Shown for an area without a figure (outside the caller's area, or no villages). */
export const NO_DATA_COLOUR = '#c8ccd2';

const schemes: Record<Palette, readonly (readonly string[])[]> = { blues: schemeBlues, oranges: schemeOranges };

/**
 * Up to five classes above zero, with breaks from d3's nice ticks. Integer counts (signals) get integer
 * breaks, so a class never reads "0.5-1 signal".
 */
export function colourClasses(values: number[], palette: Palette, integers = false): ColourClass[] {
  const max = Math.max(0, ...values.filter(Number.isFinite));
  const colours = (count: number) => schemes[palette][Math.max(3, count)]!.slice(-count);
  if (max === 0) return [{ from: 0, to: 0, colour: colours(3)[0]! }];
  let breaks: number[];
  if (integers && max <= 5) breaks = Array.from({ length: max + 1 }, (_, index) => index);
  else {
    // d3 may give more ticks than asked for; ask for fewer until at most five classes remain.
    breaks = [];
    for (let count = 5; count >= 1; count--) {
      breaks = ticks(0, nice(0, max, count)[1], count);
      if (breaks.length <= 6) break;
    }
    if (integers) breaks = [...new Set(breaks.map(Math.ceil))];
    if (breaks[breaks.length - 1]! < max) breaks.push(max);
  }
  const shades = colours(breaks.length);
  return [
    { from: 0, to: 0, colour: shades[0]! },
    ...breaks.slice(1).map((to, index) => ({ from: breaks[index]!, to, colour: shades[index + 1]! })),
  ];
}

/** The class a value falls in: zero in the zero class, otherwise the first class whose `to` it does not pass. */
export function classOf(value: number | null | undefined, classes: ColourClass[]): ColourClass | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (value <= 0) return classes[0]!;
  return classes.find((colourClass, index) => index > 0 && value <= colourClass.to) ?? classes[classes.length - 1]!;
}
