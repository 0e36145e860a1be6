// A share with its parts, so that every figure can be checked.
import { builder } from '../builder.js';

export interface RatioShape {
  numerator: number;
  denominator: number;
}

export const Ratio = builder.objectRef<RatioShape>('Ratio').implement({
  description: 'A share with its parts, so that a figure can always be checked: `rate = numerator / denominator`.',
  fields: (t) => ({
    numerator: t.exposeFloat('numerator', { description: 'The part counted.' }),
    denominator: t.exposeFloat('denominator', { description: 'The whole it is counted against.' }),
    rate: t.float({
      nullable: true,
      description:
        'numerator / denominator, between 0 and 1 unless a target is exceeded; null when the denominator is 0.',
      resolve: ({ numerator, denominator }) => (denominator === 0 ? null : numerator / denominator),
    }),
  }),
});

export function ratio(numerator: number, denominator: number): RatioShape {
  return { numerator, denominator };
}
