/** What the page's address says: the token and the opener (fragment), or a flow's result (query, after a redirect). */
export interface PageLocation {
  token: string | null;
  opener: string | null;
  returned: { provider: string | null; connected: string | null; code: string | null; message: string | null } | null;
  /** The address without the token or the result, kept in the history instead. */
  cleanUrl: string;
}

export function readPageLocation(location: Location): PageLocation {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const query = new URLSearchParams(location.search);
  const opener = fragment.get('opener') ?? query.get('opener');
  const done = query.has('connected') || query.has('error');
  return {
    token: fragment.get('session'),
    opener,
    returned: done
      ? {
          provider: query.get('provider'),
          connected: query.get('connected'),
          code: query.get('code'),
          message: query.get('error'),
        }
      : null,
    cleanUrl: location.pathname + (opener ? `#opener=${encodeURIComponent(opener)}` : ''),
  };
}
