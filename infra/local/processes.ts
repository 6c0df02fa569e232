import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A problem the person running the stack can fix; printed as one line, without a stack trace. */
export class LocalStackError extends Error {}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves true when something already listens on host:port. */
export function isPortTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** A port nobody listens on right now (for tests, which must not clash with a running stack). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  if (await isPortTaken(port)) {
    throw new LocalStackError(`Port ${port} (${what}) is already in use: stop what uses it or choose another port with ${envVar}=<port>.`);
  }
}

async function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** The child is ready when this port accepts connections. */
  port: number;
  logDir: string;
  timeoutMs?: number;
}

/**
 * Starts a child in its own process group (so stopping it stops its children too), sends its
 * output to a log file, and waits until its port accepts connections.
 */
export async function startProcess(options: SpawnOptions): Promise<ManagedProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const logPath = path.join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new LocalStackError(`${options.name} could not start: ${error.message}`))),
  );

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  const ready = (async () => {
    while (Date.now() < deadline) {
      if (exited) throw new LocalStackError(`${options.name} stopped during start-up; see ${logPath}`);
      if (await canConnect(options.port, '127.0.0.1')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new LocalStackError(`${options.name} did not answer on port ${options.port} in time; see ${logPath}`);
  })();

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = await Promise.race([exitPromise.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!killed) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };

  try {
    await Promise.race([ready, spawnError]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: options.name, child, stop };
}
