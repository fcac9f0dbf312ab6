/** A browser-like cookie jar for one host: honours Path and Max-Age, enough to drive the vault over fetch. */
export class CookieJar {
  /** `send` defaults to the network; in-process tests pass the app's own `request`. */
  constructor(private readonly send: (url: string, init: RequestInit) => Promise<Response> = fetch) {}

  private readonly cookies = new Map<string, { value: string; path: string; attributes: string }>();

  /** Every Set-Cookie header as received, to assert attributes. */
  readonly received: string[] = [];

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      this.received.push(header);
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const maxAge = attributes.find((a) => /^max-age=/i.test(a));
      const key = `${name};${path}`;
      if (maxAge && Number(maxAge.slice(8)) <= 0) this.cookies.delete(key);
      else this.cookies.set(key, { value, path, attributes: attributes.join('; ') });
    }
  }

  header(url: string): string {
    const path = new URL(url).pathname;
    return [...this.cookies.entries()]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([key, c]) => `${key.split(';')[0]}=${c.value}`)
      .join('; ');
  }

  get(name: string): string | undefined {
    for (const [key, cookie] of this.cookies) if (key.split(';')[0] === name) return cookie.value;
    return undefined;
  }

  /** A fetch that sends and stores cookies and never follows redirects. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await this.send(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }
}
