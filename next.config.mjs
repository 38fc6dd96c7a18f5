/** @type {import('next').NextConfig} */
// For every response. The Content-Security-Policy and Strict-Transport-Security come from
// proxy.ts, per request (a fresh nonce; APP_URL read at run time, not at build time).
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Static files, which proxy.ts skips, still get a policy: nothing may load from them.
const staticPolicy = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it would lose them. The schema engine is loaded the same way.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "@node-rs/argon2"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/_next/static/:path*", headers: staticPolicy },
      { source: "/_next/image", headers: staticPolicy },
      { source: "/favicon.ico", headers: staticPolicy },
    ];
  },
};

export default nextConfig;
