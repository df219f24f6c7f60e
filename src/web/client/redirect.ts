/**
 * Where to go after signing in: the `next` parameter when it names a page of this desk, else `/`. The test
 * is the browser's own URL parser, run against the desk's origin: it strips tab and newline characters and
 * reads `\` as `/` before anything else, so `/\t/evil.example` (which a `startsWith('//')` check lets through)
 * becomes `//evil.example`, another origin, and is refused. No DOM here: the server's /login route uses it too.
 *
 * @example
 * sameOriginPath('/cases/12?tab=tasks', 'https://desk.example') // '/cases/12?tab=tasks'
 * sameOriginPath('/\t/evil.example', 'https://desk.example')    // '/'
 */
export function sameOriginPath(next: string | null | undefined, origin: string): string {
  if (!next) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return url.pathname + url.search + url.hash;
}
