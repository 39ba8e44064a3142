// Builds the Pagefind search index from the generated HTML once Astro has written dist/.
// Uses Pagefind's Node API so every error is checked and reported with the build.
import { fileURLToPath } from 'node:url';

/** @returns {import('astro').AstroIntegration} */
export function pagefindIndex() {
  return {
    name: 'bad-gateway-guide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          fail(errors, 'createIndex');
          if (!index) throw new Error('Pagefind returned no index');
          const added = await index.addDirectory({ path: outDir });
          fail(added.errors, 'addDirectory');
          const written = await index.writeFiles({ outputPath: outDir + '/pagefind' });
          fail(written.errors, 'writeFiles');
          logger.info(`Pagefind indexed ${added.page_count} pages`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages');
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function fail(errors, step) {
  if (errors && errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}
