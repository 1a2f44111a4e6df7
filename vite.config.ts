import { constants as zlibConstants } from "node:zlib";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { clientBundlePackages } from "./api/licences/client-bundle-packages.js";

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      appDirectory: "web",
      buildDirectory: "build",
      // Tests sit next to the routes they test; they are not routes.
      ignoredRouteFiles: ["**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    // Lists the npm packages shipped to browsers, for the licence test in web/e2e/bundle.e2e.ts.
    clientBundlePackages(),
    // The browser's files, compressed once at the highest settings beside the originals
    // (name.js.br, name.js.gz); api/http/web.ts serves them to browsers that accept them.
    !isSsrBuild &&
      compression({
        include: /\.(js|css|txt|svg|json)$/,
        threshold: 1024,
        algorithms: [defineAlgorithm("brotliCompress", { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm("gzip", { level: 9 })],
        logLevel: "silent",
      }),
  ],
  define: {
    // The 100ms React SDK reads this at run time; browsers have no `process`.
    "process.env.REACT_SDK_VERSION": JSON.stringify("0.13.0"),
  },
  build: { target: "es2022" },
}));
