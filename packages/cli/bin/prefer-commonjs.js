// Module hooks for the `tokenvault` process: resolves a few large dependencies to their CommonJS builds.
// Their ESM builds are hundreds of files each, and loaded through tsx's module hooks they cost far more resident
// memory than their CommonJS builds (RSS after importing each under tsx, measured here: kysely 26.6 MB as ESM,
// 9.5 MB as CommonJS; zod 18.2 MB, 6.8 MB), a large share of SPEC §8's idle-RSS budget. Every importer, ours or a
// dependency's, gets the same CommonJS copy. The APIs are the same; the types TypeScript checks are unchanged.
const PREFER_COMMONJS = new Set(['kysely', 'zod']);

export async function resolve(specifier, context, nextResolve) {
  if (!PREFER_COMMONJS.has(specifier)) return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: ['node', 'require', 'default'] });
}
