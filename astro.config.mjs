// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/integrations/pagefind.mjs';
import { securityHeaders } from './src/integrations/security-headers.mjs';
import { islandStyleToHead } from './src/integrations/island-style.mjs';
import { cspConfig } from './src/integrations/csp.mjs';
import { sampleTransformer } from './src/integrations/shiki-samples.mjs';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://badgateway.guide',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Order matters: the HTML is final before Pagefind indexes it and the headers are computed.
  integrations: [mdx(), preact(), sitemap(), islandStyleToHead(), pagefindIndex(), securityHeaders()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      wrap: false,
      transformers: [sampleTransformer],
    },
  },
  security: { csp: cspConfig() },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module carries Astro's own "use astro:head-inject" directive; the bundler's
        // note about it repeats once per article and says nothing about our code.
        checks: { moduleLevelDirective: false },
      },
    },
  },
});
