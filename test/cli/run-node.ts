/** Runs one of the project's entry points in a child process, as an operator would. */
import { spawn } from 'node:child_process';

export type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs `script` (src/main.ts, src/cli/index.ts) with stdin closed, resolving with its exit code and output. */
export function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
