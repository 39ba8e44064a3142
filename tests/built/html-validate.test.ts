import { describe, expect, it } from 'vitest';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { htmlFiles, read, urlOf } from './site-files.ts';

// Rules switched off in .htmlvalidate.json, and why:
// - no-inline-style: Shiki colours code tokens with style attributes (allowed by the CSP's
//   style-src-attr only);
// - void-style, attribute-boolean-style, attribute-empty-style, no-trailing-whitespace:
//   formatting preferences of hand-written HTML that Astro's serializer decides, not errors;
// - long-title: article titles are deliberately specific;
// - valid-id is relaxed to what HTML5 requires (no whitespace): heading anchors such as
//   "502-503-and-504-from-the-alb" may start with a digit.
describe('HTML validity of every built page', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  it('every page passes html-validate with zero errors', async () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const report = await validator.validateString(read(file), file);
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${urlOf(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems.slice(0, 50), `${problems.length} problems`).toEqual([]);
  });
});
