import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from './lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Another process holding the folder's lock, until it is killed. */
async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('${new URL('./lock.ts', import.meta.url).href}').then((m) => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000); })`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

describe('data folder lock', () => {
  it('refuses a second opener while the first holds it, then allows it after release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('is not fooled by what a lock file says: one left by a dead process is no obstacle', () => {
    const dir = tempDir();
    // What a process killed in a container leaves: its pid, which the next process may well have again.
    fs.writeFileSync(path.join(dir, LOCK_FILE), `pid ${process.pid}, started 2026-01-01T00:00:00.000Z`);
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toMatch(
      new RegExp(`^pid ${process.pid}, started `),
    );
    lock.release();
  });

  it('refuses while another process holds it, naming it, and is free the moment that process is killed', async () => {
    const dir = tempDir();
    const other = await holder(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(
      new RegExp(`already in use by another Passerelle process \\(pid ${other.pid}, started `),
    );
    other.kill('SIGKILL');
    await new Promise((resolve) => other.once('exit', resolve));
    acquireDataDirLock(dir).release();
  }, 30_000);
});
