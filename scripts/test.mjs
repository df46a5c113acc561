// `npm test` after the build: the type check, ESLint and the grammar tests at once, then mocha on two workers
// (the LSP and CLI tests mostly wait on their child processes). Mocha runs alone: beside tsc and ESLint on
// two cores, its heaviest synchronous tests ran past their timeout. Each step's output is printed whole when
// it ends (mocha's as it goes), and the run fails if any step does.
import { spawn } from 'node:child_process';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name, command, args, { live = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      if (output.trim()) process.stdout.write(`\n── ${name} ──\n${output}`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)${code === 0 ? '' : `: exit ${code ?? signal}`}`);
      resolve(code === 0);
    });
  });
}

const passed = await Promise.all([
  run('typecheck', NPM, ['run', '--silent', 'typecheck']),
  run('lint', NPM, ['run', '--silent', 'lint']),
  run('grammar', NPM, ['run', '--silent', 'test:grammar']),
]);
passed.push(await run('mocha', NPM, ['exec', '--', 'mocha', '--parallel', '--jobs', '2'], { live: true }));
process.exitCode = passed.every(Boolean) ? 0 : 1;
