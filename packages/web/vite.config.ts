// Build of the web application: a static bundle in dist/, served by `diplograph serve` (no CDN, no runtime downloads).
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // The ForceAtlas2 worker is created with { type: "module" }.
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
