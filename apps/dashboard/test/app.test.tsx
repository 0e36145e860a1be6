import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from '../src/app/app';

describe('the dashboard shell', () => {
  it('names the programme in Bahasa Indonesia', () => {
    const html = renderToString(<App />);
    expect(html).toContain('<h1>Binaan</h1>');
    expect(html).toContain('Desa Binaan Imigrasi');
  });
});
