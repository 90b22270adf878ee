/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    // e2e/*.spec.ts belongs to Playwright, not Vitest.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
