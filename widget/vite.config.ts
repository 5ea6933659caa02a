// Builds the embeddable citizen widget as one self-contained script (IIFE), plus the demo page.
import { defineConfig } from "vite";

export default defineConfig({
  root: __dirname,
  publicDir: "public",
  build: {
    outDir: "../dist/widget",
    emptyOutDir: true,
    target: "es2020",
    lib: { entry: "src/main.ts", name: "DrahtWidget", formats: ["iife"], fileName: () => "draht-widget.js" },
  },
});
