import path from 'node:path';
import type { NextConfig } from 'next';

/**
 * The site imports the shared API contracts from `functions/src/contracts`, outside `web/`:
 * Turbopack only resolves files under its root, and the server trace must reach them too, so
 * both roots are the repository root. (Next transpiles this file to CommonJS: `__dirname` is `web/`.)
 */
const repoRoot = path.join(__dirname, '..');

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so that it never rewrites the build a running `npm start` serves.
  distDir: process.env.COOPOL_NEXT_DIST_DIR ?? '.next',
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
