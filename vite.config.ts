/** `vite build` / `vite` with this file build and serve `slides/` (DECK_SLIDES overrides). */
import { defineConfig } from 'vite';
import { createViteConfig } from './src/vite/create-vite-config.ts';

export default defineConfig(createViteConfig({ slidesDir: process.env.DECK_SLIDES ?? 'slides' }));
