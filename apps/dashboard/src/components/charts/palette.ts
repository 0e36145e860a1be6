// Okabe–Ito: eight colours that stay distinct for the common forms of colour blindness.
export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

export const colorAt = (index: number) => palette[index % palette.length]!;
