// Time for a full site build (Astro + Pagefind index), and what it produced.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const t0 = performance.now();
const r = spawnSync('astro', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const seconds = (performance.now() - t0) / 1000;
if (r.status !== 0) {
  console.error('build failed');
  process.exit(1);
}
let pages = 0;
let bytes = 0;
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    const s = statSync(p);
    if (s.isDirectory()) walk(p);
    else {
      bytes += s.size;
      if (n.endsWith('.html')) pages++;
    }
  }
};
walk('dist');
console.log(`site build: ${seconds.toFixed(1)} s for ${pages} pages, dist/ ${(bytes / 1e6).toFixed(1)} MB`);
