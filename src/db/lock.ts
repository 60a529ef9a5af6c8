/**
 * One process per data folder on the embedded database (PGlite has no lock between processes: two would
 * silently lose writes). The lock is the operating system's, held on an open file (an open-file-description
 * lock on Linux, flock elsewhere): it dies with the process however the process ends (kill -9, out of
 * memory), so a restart always finds it free, even in a container where the new process gets the same pid
 * as the one that died. Nothing is read into a pid: the file's content is a note for people only.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type NativeLocks = { tryLock(fd: number): boolean; unlock(fd: number): void };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `The data folder ${dataDir} is already in use by another Passerelle process${holder ? ` (${holder})` : ''}. ` +
        'The embedded database serves one process at a time: stop the other process, or use ' +
        'DATABASE_URL=postgres://... to run several.',
    );
  }
}

let native: NativeLocks | undefined;
/** The native lock calls (fs-native-extensions ships them prebuilt: nothing to compile at install). */
function locks(): NativeLocks {
  native ??= createRequire(import.meta.url)('fs-native-extensions') as NativeLocks;
  return native;
}

export const LOCK_FILE = 'passerelle.lock';

/** Takes the data folder's lock, or throws DataDirLockedError while another process holds it. */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  // The descriptor stays open as long as the lock is held: closing it is what releases the lock.
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  let granted: boolean;
  try {
    granted = locks().tryLock(fd);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  if (!granted) {
    const holder = fs.readFileSync(file, 'utf8').trim().slice(0, 200);
    fs.closeSync(fd);
    throw new DataDirLockedError(dataDir, holder);
  }
  // Who holds it, for a person looking at the folder (never read back as proof of anything).
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, `pid ${process.pid}, started ${new Date().toISOString()}`, 0);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        locks().unlock(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}
