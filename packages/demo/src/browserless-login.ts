interface PageRequest {
  url: string;
  form?: Record<string, string>;
}

interface Form {
  action: string;
  fields: Record<string, string>;
}

const MAX_STEPS = 20;

/**
 * Walks the demo provider's login and consent pages over plain HTTP with a cookie jar and returns the URL the
 * provider finally redirects the browser to (the client's redirect_uri with code/state/iss, or with error=...),
 * without fetching it. `consent: false` clicks the consent page's cancel link, which yields error=access_denied.
 */
export async function loginWithoutBrowser(
  authorizationUrl: string,
  options: { login: string; consent?: boolean },
): Promise<string> {
  const origin = new URL(authorizationUrl).origin;
  const jar = new Map<string, string>();
  let request: PageRequest = { url: authorizationUrl };
  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      ...(request.form && { body: new URLSearchParams(request.form) }),
    });
    remember(jar, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const target = new URL(location, request.url);
      if (target.origin !== origin) return target.href;
      request = { url: target.href };
      continue;
    }
    const page = await response.text();
    if (!response.ok)
      throw new Error(`the provider answered ${response.status} at ${request.url}: ${page.slice(0, 500)}`);
    request = nextRequest(page, request.url, options.login, options.consent ?? true);
  }
  throw new Error(`no redirect away from ${origin} after ${MAX_STEPS} requests`);
}

function nextRequest(page: string, pageUrl: string, login: string, consent: boolean): PageRequest {
  const form = findForm(page, pageUrl);
  if (form?.fields.prompt === 'login') {
    // devInteractions accept any password.
    return { url: form.action, form: { ...form.fields, login, password: 'demo' } };
  }
  if (form?.fields.prompt === 'consent') {
    return consent ? { url: form.action, form: form.fields } : { url: abortUrl(page, pageUrl) };
  }
  throw new Error(`no login or consent form at ${pageUrl}: ${page.slice(0, 500)}`);
}

function findForm(page: string, pageUrl: string): Form | undefined {
  const match = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page);
  if (!match) return undefined;
  const [, formAttributes = '', body = ''] = match;
  const fields: Record<string, string> = {};
  for (const [input] of body.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(input, 'name');
    if (attribute(input, 'type') === 'hidden' && name !== undefined) fields[name] = attribute(input, 'value') ?? '';
  }
  return { action: new URL(attribute(formAttributes, 'action') ?? pageUrl, pageUrl).href, fields };
}

function abortUrl(page: string, pageUrl: string): string {
  for (const [anchor] of page.matchAll(/<a\b[^>]*>/gi)) {
    const href = attribute(anchor, 'href');
    if (href !== undefined && new URL(href, pageUrl).pathname.endsWith('/abort')) return new URL(href, pageUrl).href;
  }
  throw new Error(`no abort link at ${pageUrl}`);
}

function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

// oidc-provider's views escape exactly these five characters.
function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

// One jar for the provider's origin, keyed by name: enough for oidc-provider's interaction and session cookies.
function remember(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const expires = attributes.find((part) => part.toLowerCase().startsWith('expires='));
    const expired = expires !== undefined && Date.parse(expires.slice('expires='.length)) <= Date.now();
    if (value === '' || expired) jar.delete(name);
    else jar.set(name, value);
  }
}
