import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';

/** Prints a short-lived JWT signed with an access key, for curl. */
export async function token(args: {
  key: string;
  url: string;
  lifetimeSeconds: number;
  print: (line: string) => void;
}) {
  const key = parseAccessKey(args.key);
  args.print(await signServiceToken(key, { baseUrl: args.url, lifetimeSeconds: args.lifetimeSeconds }));
}
