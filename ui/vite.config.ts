import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // Locales and fonts live at the repository root, shared with the Rust side.
  server: { fs: { allow: [".."] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
