import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import * as path from 'node:path';

/**
 * Sets the nice value of every thread of a process (on Linux a nice value belongs to a thread,
 * and a new thread takes its creator's). Best effort: returns false where there is no /proc.
 */
export function niceThreads(pid: number, niceness: number): boolean {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return false;
  }
  for (const tid of threads) {
    try {
      setPriority(Number(tid), niceness);
    } catch {
      // The thread ended while we looked, or lowering is not allowed here.
    }
  }
  return true;
}

/**
 * Moves every thread of a process to a scheduling class with util-linux's chrt; threads it starts
 * later inherit the class. In the idle class (SCHED_IDLE) a process runs only on CPU that nothing
 * else wants, and a thread of the API that wakes up takes the core from it at once (a nice value
 * only shrinks its share, and a woken thread may wait out its turn). Resolves false where chrt is
 * missing or not allowed.
 */
export function schedulingClass(pid: number, policy: '--idle' | '--other'): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('chrt', [policy, '--all-tasks', '--pid', '0', String(pid)], { timeout: 5_000 }, (error) => resolve(!error));
  });
}

/**
 * A command prefix that starts a program in the idle class (`chrt --idle 0`, which then becomes
 * the program, same pid), or nothing where chrt is missing. Started this way, every thread and
 * process the program makes is born in the class: moving it there afterwards (schedulingClass)
 * races with the threads and processes it starts meanwhile.
 */
export function idleClassPrefix(): string[] {
  const chrt = findOnPath('chrt');
  return chrt ? [chrt, '--idle', '0'] : [];
}

/**
 * The kernel's autogroup of a process, from /proc/<pid>/autogroup. Where autogroups are on, the CPU
 * is shared between sessions (a session is an autogroup) before scheduling classes count within one.
 * Null where the process is in none: a process of the boot session, which never called setsid (its
 * file is empty, as under some CI runners and container inits), or a kernel without autogroups.
 */
export function autogroupOf(pid: number): { id: number; nice: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/autogroup`, 'utf8');
  } catch {
    return null;
  }
  const match = /^\/autogroup-(\d+) nice (-?\d+)$/m.exec(text);
  return match ? { id: Number(match[1]), nice: Number(match[2]) } : null;
}

/** The first executable named `command` on PATH, or null. */
export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

