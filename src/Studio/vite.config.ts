import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The server hosts the built app under /studio; `npm run dev` proxies the API to a server on :5000.
export default defineConfig({
  base: "/studio/",
  plugins: [react()],
  server: {
    proxy: {
      "/api": "http://127.0.0.1:5000",
      "/hubs": { target: "http://127.0.0.1:5000", ws: true },
    },
  },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  test: { environment: "jsdom", include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"] },
});
