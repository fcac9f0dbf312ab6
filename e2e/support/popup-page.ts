/** Reads what the vault's popup page posts: its target origin and the authorization message. */
// biome-ignore lint/suspicious/noExplicitAny: the posted message is untyped JSON whose shape the tests assert
export function readPopupPage(html: string): { targetOrigin: string; message: Record<string, any> } {
  const response = /var authResponse = decodeURIComponent\('([^']*)'\)/.exec(html)?.[1];
  const origin = /var origin = decodeURIComponent\('([^']*)'\)/.exec(html)?.[1];
  if (response === undefined || origin === undefined) throw new Error(`not a popup result page:\n${html}`);
  return { targetOrigin: decodeURIComponent(origin), message: JSON.parse(decodeURIComponent(response)) };
}
