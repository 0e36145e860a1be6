// Lets a resolver set cookies: headers collected per request and added to its response.
import type { Plugin } from 'graphql-yoga';

export function useResponseCookies() {
  const cookies = new WeakMap<Request, string[]>();
  const plugin: Plugin = {
    onResponse({ request, response }) {
      for (const header of cookies.get(request) ?? []) response.headers.append('Set-Cookie', header);
    },
  };
  const setterFor = (request: Request) => (header: string) => {
    const list = cookies.get(request) ?? [];
    list.push(header);
    cookies.set(request, list);
  };
  return { plugin, setterFor };
}
