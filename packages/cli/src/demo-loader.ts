/**
 * Loads the demo provider. oidc-provider warns "Unsupported runtime" on Node 20 when it loads, because its
 * authors test only Node 22 and later; the vault supports Node 20.19+ (docs/configuration.md), the demo provider
 * runs only on loopback for trying things out, and the e2e suite runs it on Node 20. So that one line is dropped
 * here; every other warning passes.
 */
export async function loadDemo(): Promise<typeof import('@tokenvault/demo')> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
  };
  try {
    return await import('@tokenvault/demo');
  } finally {
    console.warn = warn;
  }
}
