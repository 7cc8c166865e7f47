import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

/** The node command that runs a TypeScript file of the project (tsx's loader in this process: no extra child to start). */
export const tsxCommand = (script: string, args: string[] = []) => [process.execPath, '--import', 'tsx', script, ...args];

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a project script in its own process. `fileSizeKb` caps the size of
 * every file it writes (bash's ulimit -f, no root needed): a real full disk
 * as the program sees it, short writes and EFBIG included.
 */
export function runScript(script: string, args: string[], opts: { fileSizeKb?: number; env?: Record<string, string> } = {}): Spawned {
  const cmd = tsxCommand(script, args).map(quote).join(' ');
  // SIGXFSZ ignored: a write past the limit then fails with an error, as on a full disk, instead of killing the process.
  const shell = opts.fileSizeKb ? `trap '' XFSZ; ulimit -f ${opts.fileSizeKb}; exec ${cmd}` : `exec ${cmd}`;
  const child = spawn('bash', ['-c', shell], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  // 'close', not 'exit': exit can come before the last of the output is read (a parent busy with other work
  // sees both at once), and a test that then looks for a line would miss one the script did print.
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves when the script has printed `line` (it says so just before the work a test wants to interrupt). */
export function waitForLine(p: Spawned, line: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${line}" within ${timeoutMs} ms: ${p.stderr()}`)), timeoutMs);
    const check = () => {
      if (p.stdout().split('\n').includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    p.child.stdout!.on('data', check);
    void p.exit.then(() => (clearTimeout(timer), p.stdout().split('\n').includes(line) ? resolve() : reject(new Error(`exited before "${line}": ${p.stderr()}`))));
    check();
  });
}
