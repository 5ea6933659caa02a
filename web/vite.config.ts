import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  // The server's contract, for types only (web/src/api/client.ts); kept resolvable should a value be imported.
  resolve: { alias: { "@contract": fileURLToPath(new URL("../src/contract", import.meta.url)) } },
  build: { outDir: "../dist/web", emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { "/api": "http://localhost:3000" } },
});
