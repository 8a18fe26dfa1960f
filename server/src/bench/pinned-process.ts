import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));

/** Whether processes are pinned to cores (taskset exists here). */
export const pinned = TASKSET !== undefined;

/**
 * Runs a script of this folder in its own Node.js process, on the core given (none: wherever the
 * system puts it) where taskset exists, with an IPC channel; resolves with the process and its
 * first message.
 */
export function startPinned<T>(
  script: string,
  core: number | null,
  args: string[] = [],
  nodeOptions: string[] = [],
): Promise<{ child: ChildProcess; message: T }> {
  const path = new URL(script, import.meta.url).pathname;
  const command = TASKSET && core !== null ? [TASKSET, '-c', String(core), process.execPath] : [process.execPath];
  const child = spawn(command[0]!, [...command.slice(1), ...nodeOptions, path, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, message: message as T }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} ended (${code}) before it answered`)));
  });
}

/** Ends a process started by startPinned and waits for it to exit. */
export function stopPinned(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    if (child.connected) child.disconnect();
    else child.kill();
  });
}

/** Moves running processes (not started here) to one core; false where taskset is missing or refused. */
export function pinExisting(pids: number[], core: number): boolean {
  if (!TASKSET) return false;
  try {
    for (const pid of pids) execFileSync(TASKSET, ['-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
