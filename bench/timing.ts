/**
 * Timing helpers the scenarios share: samples summarised as p50/p95/max, the CPU time of each run (this
 * process and, when the PostgreSQL server runs on this machine, its processes), and a step logger for
 * bulk loads.
 */
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { BenchTarget } from './targets';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
export const round = (n: number) => Math.round(n * 10) / 10;
export const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

export type Timing = {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  samplesMs: number[];
  /** CPU time of each run (this process and the PostgreSQL server's processes): a measure that other work
   * on the machine does not inflate the way it inflates elapsed time. */
  cpuSamplesMs?: number[];
  cpuP50Ms?: number;
};

export function summary(samples: number[], cpu?: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? 0),
    samplesMs: samples.map(round),
    ...(cpu
      ? {
          cpuP50Ms: round(
            percentile(
              [...cpu].sort((a, b) => a - b),
              50,
            ),
          ),
          cpuSamplesMs: cpu.map(round),
        }
      : {}),
  };
}

/** CPU milliseconds used so far. */
type CpuClock = () => number;

const ownCpu: CpuClock = () => {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000;
};

/**
 * CPU milliseconds used so far by this process and by the PostgreSQL server's processes (the postmaster's
 * live children, and the children it has reaped, such as parallel workers).
 */
function cpuClock(postmasterPid: number): CpuClock {
  const ticks = (pid: number, children: boolean) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    } catch {
      return 0;
    }
  };
  return () => {
    let pg = ticks(postmasterPid, true);
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === postmasterPid) pg += ticks(Number(entry), false);
      } catch {}
    }
    return ownCpu() + pg * 10;
  };
}

let cpuNow: CpuClock = ownCpu;

export const cpuMs = () => cpuNow();

/**
 * Counts the PostgreSQL server's CPU in every later measure when the target is a server on this machine
 * (found from the connection's backend process); otherwise only this process's CPU is counted.
 */
export async function measureServerCpu(target: BenchTarget): Promise<void> {
  cpuNow = ownCpu;
  if (target.kind !== 'postgres' || !target.url || !/@(127\.0\.0\.1|localhost)[:/]/.test(target.url)) return;
  const backend = (await target.database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
    rows: { pid: number }[];
  };
  const pid = backend.rows[0]?.pid;
  const stat = pid ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (Number.isInteger(postmaster) && postmaster > 1) cpuNow = cpuClock(postmaster);
}

/** The server's settings that explain its timings. */
export async function serverSettings(target: BenchTarget): Promise<Record<string, string>> {
  const settings = (await target.database.db.execute(
    sql`select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'server_version')`,
  )) as unknown as { rows: { name: string; setting: string; unit: string | null }[] };
  return Object.fromEntries(settings.rows.map((r) => [r.name, `${r.setting}${r.unit ? ` ${r.unit}` : ''}`]));
}

/**
 * Runs `fn` once to warm up (plans, caches, fonts), then `runs` times, timed; `before` runs untimed before
 * each run.
 */
export async function time(
  label: string,
  runs: number,
  fn: () => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<Timing> {
  await before?.();
  await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const cpuStarted = cpuNow();
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
    cpu.push(cpuNow() - cpuStarted);
  }
  const t = summary(samples, cpu);
  console.log(
    `  ${label}: p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms (${t.samplesMs.join(', ')}); CPU p50 ${t.cpuP50Ms} ms`,
  );
  return t;
}

/** A bulk-load step: its SQL statements one after the other (the embedded database runs one per query). */
export function loadStep(exec: (text: string) => Promise<unknown>) {
  return async (label: string, ...texts: string[]) => {
    const started = performance.now();
    for (const text of texts) await exec(text);
    console.log(`    ${label}: ${round((performance.now() - started) / 1000)} s`);
  };
}
