import path from 'node:path';
import type { NextConfig } from 'next';

/**
 * The site imports the shared API contracts from `functions/src/contracts`, outside `web/`:
 * Turbopack only resolves files under its root, and the server trace must reach them too, so
 * both roots are the repository root. (Next transpiles this file to CommonJS: `__dirname` is `web/`.)
 */
const repoRoot = path.join(__dirname, '..');

/**
 * Security headers of every answer of the site (pages also get their CSP, with a nonce, from
 * proxy.ts): no MIME sniffing, no framing (older browsers), no Referer leaving the site — some pages
 * carry a token in their address (a preregistration, an unsubscribe link).
 */
const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so that it never rewrites the build a running `npm start` serves.
  distDir: process.env.COOPOL_NEXT_DIST_DIR ?? '.next',
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
