import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { clientBundlePackages } from "./api/licences/client-bundle-packages.js";

export default defineConfig({
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
  ],
  define: {
    // The 100ms React SDK reads this at run time; browsers have no `process`.
    "process.env.REACT_SDK_VERSION": JSON.stringify("0.13.0"),
  },
  build: { target: "es2022" },
});
