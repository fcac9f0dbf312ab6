import { readFileSync } from 'node:fs';

/**
 * Where `scripts/build.js` writes the apps; from src/ (tests) and dist/ (the package) alike. A bundler that inlines
 * this module moves `import.meta.url`: keep `@tokenvault/ui` external.
 */
const ASSETS = new URL('../dist/assets/', import.meta.url);

/** The built apps as the vault serves them: every file by its content-hashed name, and each page's entry files. */
export interface BuiltAssets {
  files: ReadonlyMap<string, { body: Uint8Array; contentType: string }>;
  connect: { scripts: readonly string[]; styles: readonly string[] };
  dashboard: { scripts: readonly string[]; styles: readonly string[] };
}

interface Manifest {
  connect: { scripts: string[]; styles: string[] };
  dashboard: { scripts: string[]; styles: string[] };
  files: Record<string, string>;
}

/** Reads the built assets once, at start-up; they are small (the connect page is held under 60 KB compressed). */
export function loadUiAssets(): BuiltAssets {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('manifest.json', ASSETS), 'utf8')) as Manifest;
  } catch (cause) {
    throw new Error('the @tokenvault/ui assets are not built (npm run build)', { cause });
  }
  const files = new Map(
    Object.entries(manifest.files).map(([name, contentType]) => [
      name,
      { body: new Uint8Array(readFileSync(new URL(name, ASSETS))), contentType },
    ]),
  );
  return { files, connect: manifest.connect, dashboard: manifest.dashboard };
}
