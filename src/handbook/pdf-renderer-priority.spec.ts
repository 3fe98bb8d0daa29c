import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { autogroupOf } from '../common/thread-priority';
import { lowerPriority, restorePriority } from './pdf-renderer';

/** Scheduling policy (field 41) and nice value (field 19) of a process, from /proc. */
function scheduling(pid: number): { policy: number; nice: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state) of proc(5).
  return { policy: Number(fields[41 - 3]), nice: Number(fields[19 - 3]) };
}

const SCHED_IDLE = 5;
const linux = existsSync('/proc/self/stat');

(linux ? describe : describe.skip)('lowerPriority (printing runs as a background job)', () => {
  it('moves every process of the group, and what they start later, out of the way of the API', async () => {
    // A stand-in for Chromium: a process group whose leader starts a child after being lowered.
    const ownGroup = autogroupOf(process.pid);
    const group = spawn('sh', ['-c', 'sleep 0.5; sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    try {
      const pid = group.pid!;
      expect(await lowerPriority(pid, 19)).toBeGreaterThanOrEqual(1);
      const leader = scheduling(pid);
      expect(leader.policy === SCHED_IDLE || leader.nice === 19).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      expect(children.length).toBe(1);
      const child = scheduling(children[0]);
      expect(child.policy === SCHED_IDLE || child.nice === 19).toBe(true);
      // Started detached, the group has a session of its own: its share of the CPU is lowered too.
      // (The test's own session may have none: a process of the boot session is in no autogroup.)
      if (autogroupOf(pid)) {
        expect(autogroupOf(pid)?.nice).toBe(19);
        await restorePriority(pid);
        expect(autogroupOf(pid)?.nice).toBe(0);
        expect(autogroupOf(process.pid)).toEqual(ownGroup);
      }
    } finally {
      process.kill(-group.pid!, 'SIGKILL');
    }
  });

  it('does nothing without a process or a lowering to do', async () => {
    expect(await lowerPriority(undefined, 19)).toBe(0);
    expect(await lowerPriority(process.pid, 0)).toBe(0);
  });
});
