import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
  cacheComponents: true,
  partialPrefetching: true,
  // This app lives inside the franceconnect-elements repository, whose own lockfile
  // would otherwise make Turbopack take the repository for the workspace root.
  turbopack: { root: process.cwd() },
};

export default nextConfig;
