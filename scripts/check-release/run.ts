// `npm run check:release`: packs every public package, installs the tarballs in an empty folder outside the
// repository, and uses them as a new user would (docs/architecture.md, "Packages and releases").
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { connectDemoAccount, waitReady } from './dev-journey.js';
import { type Running, run, start } from './process.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(repo, 'node_modules/.bin', name);
const root = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
const work = await mkdtemp(join(tmpdir(), 'tokenvault-release-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
const home = join(work, 'home');
const packages: { name: string; file: string; dualFormat: boolean }[] = [];
// Dev mode keeps its SQLite file, master key and demo provider state in its own folder.
const devHome = { TOKENVAULT_DEV_DIR: join(home, '.tokenvault') };
let server: Running | undefined;
let accessKey = '';
let serverUrl = '';
let userId = '';

/**
 * `tsc -b` never deletes the output of a source that was moved or removed, so a build on top of an old `dist/`
 * would pack files that no longer exist in `src/`: a release is built from empty `dist/` folders.
 */
async function buildClean() {
  for (const name of await readdir(join(repo, 'packages'))) {
    await rm(join(repo, 'packages', name, 'dist'), { recursive: true, force: true });
  }
  await run('npm', ['run', '--silent', 'build'], { cwd: repo });
}

const steps: [string, () => Promise<unknown>][] = [
  ['build the packages from nothing', buildClean],
  ['npm pack every public package', pack],
  ['publint and attw on every tarball', lint],
  ['npm install the tarballs in an empty folder outside the repository', install],
  [
    'npx tokenvault --help',
    () => expectOutput(run('npx', ['tokenvault', '--help'], { cwd: app }), /Usage: tokenvault/),
  ],
  ['npx tokenvault serve (dev mode) reaches /readyz', serveDevMode],
  ['the connect journey with the demo provider', async () => (userId = await connectDemoAccount(serverUrl, 'rel'))],
  ['the hosted connect page and its assets from @tokenvault/ui', connectPageServed],
  ['npx tokenvault clients create (a credentials-reader key)', createKey],
  ['node -e "require(\'@tokenvault/sdk-node\')"', () => run('node', ['-e', sdkNodeLoads('require')], { cwd: app })],
  ['node --input-type=module -e "await import(…)"', () => importSdkNode()],
  ['a CommonJS script reads the token through the SDK', readToken],
  [
    'the store conformance suite of @tokenvault/core/testing passes on its memory store',
    () => expectOutput(run('node', ['conformance.js'], { cwd: app }), /passed \d+ store conformance tests/),
  ],
  ['stop the server by its PID', () => stopServer()],
  ['TypeScript consumer, moduleResolution node16', () => typecheck('tsconfig.node16.json')],
  ['TypeScript consumer, moduleResolution bundler', () => typecheck('tsconfig.bundler.json')],
  ['esbuild bundles a page on @tokenvault/sdk-browser and @tokenvault/react', bundlePage],
];

let failed = false;
for (const [name, step] of steps) {
  const started = performance.now();
  console.log(`check:release: ${name}…`);
  try {
    await step();
    console.log(`check:release:   ok (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    console.error(`check:release:   FAILED: ${(err as Error).message}`);
    if (server) console.error(`tokenvault serve printed:\n${server.output()}`);
    failed = true;
    break; // every step builds on the ones before it
  }
}
await stopServer();
if (!failed) await rm(work, { recursive: true, force: true });
console.log(failed ? `check:release: failed (files kept in ${work})` : 'check:release: passed');
process.exitCode = failed ? 1 : 0;

async function pack() {
  await mkdir(tarballs);
  const output = await run('npm', ['pack', '--workspaces', '--pack-destination', tarballs, '--json'], { cwd: repo });
  for (const { name, filename } of JSON.parse(output) as { name: string; filename: string }[]) {
    const manifest = JSON.parse(await readFile(join(repo, 'node_modules', name, 'package.json'), 'utf8'));
    if (manifest.private) throw new Error(`${name} is private: every workspace package is published`);
    packages.push({ name, file: join(tarballs, filename), dualFormat: Boolean(manifest.exports['.'].require) });
  }
  console.log(`check:release:   ${packages.map((p) => p.name).join(', ')}`);
}

async function lint() {
  for (const { file, dualFormat } of packages) {
    await run(bin('publint'), ['run', file, '--strict'], { cwd: work });
    // ESM-only packages are not asked to answer require() or node10 resolution; the dual one is held to all.
    await run(bin('attw'), [file, '--profile', dualFormat ? 'strict' : 'esm-only', '--format', 'ascii'], { cwd: work });
  }
}

async function install() {
  await cp(fileURLToPath(new URL('./consumer', import.meta.url)), app, { recursive: true });
  const dev = root.devDependencies as Record<string, string>;
  const pin = (...names: string[]) => Object.fromEntries(names.map((name) => [name, dev[name] as string]));
  const manifest = {
    name: 'release-check-consumer',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(packages.map(({ name, file }) => [name, `file:${file}`])),
      ...pin('react', 'react-dom'),
    },
    devDependencies: pin('@types/node', '@types/react', '@types/react-dom'),
    allowScripts: { 'better-sqlite3': true },
  };
  await writeFile(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app });
}

async function expectOutput(output: Promise<string>, pattern: RegExp) {
  const text = await output;
  if (!pattern.test(text)) throw new Error(`expected ${pattern} in:\n${text}`);
}

async function serveDevMode() {
  await mkdir(home);
  server = start('npx', ['tokenvault', 'serve', '--port', '0'], { cwd: app, env: devHome });
  serverUrl = (await server.waitFor(/listening on (\S+)/))[1] as string;
  await waitReady(serverUrl);
  console.log(`check:release:   pid ${server.pid}, ${serverUrl}, data in ${home}/.tokenvault`);
}

/** The installed CLI serves the page and the hashed assets the installed @tokenvault/ui built. */
async function connectPageServed() {
  const page = await fetch(`${serverUrl}/connect`);
  if (page.status !== 200) throw new Error(`/connect answered ${page.status}`);
  const assets = [...(await page.text()).matchAll(/\/ui\/assets\/([\w.-]+)/g)].map((m) => m[1] as string);
  if (!assets.some((name) => name.endsWith('.js'))) throw new Error('/connect names no script');
  for (const name of assets) {
    const asset = await fetch(`${serverUrl}/ui/assets/${name}`);
    if (asset.status !== 200) throw new Error(`/ui/assets/${name} answered ${asset.status}`);
  }
  console.log(`check:release:   ${assets.join(', ')}`);
}

async function createKey() {
  const args = ['tokenvault', 'clients', 'create', '--env', 'development', '--name', 'release-check'];
  const output = await run('npx', [...args, '--role', 'credentials-reader'], { cwd: app, env: devHome });
  accessKey = /access key: (\S+)/.exec(output)?.[1] ?? '';
  if (!accessKey) throw new Error(`no access key in:\n${output}`);
}

function sdkNodeLoads(how: 'require' | 'import') {
  return how === 'require'
    ? "if (typeof require('@tokenvault/sdk-node').createVaultClient !== 'function') process.exit(1)"
    : "if (typeof (await import('@tokenvault/sdk-node')).createVaultClient !== 'function') process.exit(1)";
}

function importSdkNode() {
  return run('node', ['--input-type=module', '-e', sdkNodeLoads('import')], { cwd: app });
}

async function readToken() {
  const env = { VAULT_URL: serverUrl, VAULT_ACCESS_KEY: accessKey, USER_ID: userId };
  await expectOutput(run('node', ['read-token.cjs'], { cwd: app, env }), /read an access token of \d+ characters/);
}

async function stopServer() {
  if (!server) return;
  await server.stop();
  server = undefined;
  // The server closes its port before it exits; nothing may be left listening.
  for (
    let i = 0;
    await fetch(`${serverUrl}/readyz`).then(
      () => true,
      () => false,
    );
    i++
  ) {
    if (i === 100) throw new Error(`${serverUrl} still answers after SIGTERM`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function typecheck(config: string) {
  return run('node', [join(repo, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: app });
}

async function bundlePage() {
  const result = await build({
    absWorkingDir: app,
    entryPoints: ['page.tsx'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    outfile: join(app, 'out/page.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  if (result.errors.length + result.warnings.length > 0) throw new Error(JSON.stringify(result.errors));
  const files = await readdir(join(app, 'out'));
  console.log(`check:release:   ${files.join(', ')}`);
}
