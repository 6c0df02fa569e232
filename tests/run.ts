import { spawn } from 'node:child_process';
import { freePort, LocalStackError } from '../infra/local/processes';
import { repoRoot, startLocalStack } from '../infra/local/stack';
import { freePorts } from './support/stack';

/**
 * `npm test`: starts one local stack on free ports (so it runs beside an `npm start` already up),
 * runs every test file against it with node's test runner, then stops it.
 * Lint and type-check are test files too (tests/static), so one summary covers everything.
 */
async function main(): Promise<number> {
  // The site is built into web/.next-test: a running `npm start` keeps serving web/.next untouched.
  process.env.COOPOL_NEXT_DIST_DIR ??= '.next-test';
  const started = Date.now();
  // COOPOL_TEST_WEB=0 skips building and serving the site, to iterate on API tests only.
  const web = process.env.COOPOL_TEST_WEB !== '0';
  const stack = await startLocalStack({
    ports: await freePorts(),
    web,
    // As in AWS: officials must turn on TOTP before using their powers (the tests set it up).
    officialMfaRequired: true,
    // A space holds 1 MB of documents here, so that its quota is reached with small files (tests/integration/documents.test.ts).
    spaceDocumentQuotaMb: 1,
    // Link previews read the tests' own fixture page, served on this port by the test that needs it
    // (tests/integration/posts-safety.test.ts): explicit configuration, no exemption in code.
    linkPreviewAllowedOrigins: [`http://127.0.0.1:${await freePort()}`],
    logLevel: 'SILENT',
    progress: (line) => console.log(`[test stack] ${line}`),
  });
  console.log(`[test stack] ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${stack.urls.site}`);
  try {
    const files = process.argv.slice(2);
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--test', '--test-reporter=spec', ...(files.length ? files : ['tests/**/*.test.ts'])],
        {
          cwd: repoRoot,
          stdio: 'inherit',
          env: { ...process.env, COOPOL_TEST_STACK: JSON.stringify({ urls: stack.urls, env: stack.env, workerPidFile: stack.workerPidFile, web }) },
        },
      );
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      child.on('error', reject);
    });
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LocalStackError ? `✗ ${error.message}` : error);
    process.exit(1);
  },
);
