// Renders public/og-image.png (1200×630, the social preview card) with the test Chromium.
// Run after changing the design: node scripts/make-og-image.ts
import { launchBrowser } from '../tests/browser/launch.ts';

const html = `<!doctype html><html><head><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
    padding: 0 96px; box-sizing: border-box; background: #0f1216; color: #e6e9ed; font-family: 'DejaVu Sans', system-ui, sans-serif; }
  .badge { display: inline-block; background: #b3261e; color: #fff; font: 700 64px 'DejaVu Sans Mono', monospace; padding: 12px 28px; border-radius: 16px; width: max-content; }
  h1 { font-size: 72px; margin: 40px 0 16px; line-height: 1.1; }
  p { font-size: 34px; color: #a7b0ba; margin: 0; line-height: 1.35; }
</style></head><body>
  <div class="badge">502</div>
  <h1>Bad Gateway Guide</h1>
  <p>Why your ASP.NET Core app returns 502 behind IIS, Azure App Service, nginx, Apache, YARP or a load balancer — and how to fix it.</p>
</body></html>`;

const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: new URL('../public/og-image.png', import.meta.url).pathname });
await browser.close();
console.log('wrote public/og-image.png');
