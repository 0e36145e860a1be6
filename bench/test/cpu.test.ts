import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { machineBusyCpuMs, processTreeCpuMs } from '../src/cpu.js';

const started: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

describe.runIf(process.platform === 'linux')('CPU per request (cpu.ts)', () => {
  it('counts the work a server does in a child process, as tsx runs Binaan and the floor', async () => {
    // sh starts node, which spins until it has used 400 ms of CPU, says so, and waits: the work is one
    // level below the pid we hold. User and system time together: each turn of the loop asks the kernel,
    // and on some machines that system time was four times the user time.
    const spin = `for (let u = process.cpuUsage(); u.user + u.system < 400000; u = process.cpuUsage()); console.log('spun'); setTimeout(() => {}, 20000);`;
    const parent = spawn('sh', ['-c', `"${process.execPath}" -e "${spin}"`], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(parent);
    const machineBefore = machineBusyCpuMs()!;
    await new Promise((resolve) => parent.stdout!.once('data', resolve));
    const tree = processTreeCpuMs(parent.pid)!;
    const machine = machineBusyCpuMs()! - machineBefore;
    // Ticks are 10 ms; node's own start adds a little.
    expect(tree).toBeGreaterThanOrEqual(380);
    expect(tree).toBeLessThan(2000);
    expect(machine).toBeGreaterThanOrEqual(380);
  });

  it('says nothing rather than a wrong figure for a process that is not there', async () => {
    expect(processTreeCpuMs(undefined)).toBeNull();
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    expect(processTreeCpuMs(gone.pid)).toBeNull();
  });
});
