/**
 * axe-core straight in the page: the engine is added to a browser context once (an init script,
 * so every page of the context has it from the start) and `axe.run` is called in the page.
 * @axe-core/playwright's AxeBuilder injects the engine into every frame on every call and finishes
 * each run in an extra blank page, which costs several times the check itself; the built pages
 * have no frames, so the direct run checks the same. Same axe-core as AxeBuilder's (its
 * dependency), no other package.
 *
 * Colour contrast is most of axe's time (it works out the colours behind every piece of text), and
 * a page repeats the same few text styles hundreds of times (a code block is hundreds of spans in
 * a dozen colours). `contrastViolations` therefore checks one element per text style: its colour,
 * font size and weight, shadow and opacity, and the backgrounds behind it up to the first opaque
 * one. A style already checked, on this page or an earlier one of the same sweep and theme, is not
 * checked again; a style axe could not decide (its result was "incomplete") stays unchecked, so
 * the next element of that style is tried.
 *
 * Links in running text get the same treatment for `link-in-text-block`, which compares a link
 * with the block of text around it: one link is checked per pair of link style and block style
 * (every property that rule reads: colours, backgrounds, fonts, decoration, borders, generated
 * content), among the links the rule applies to (visible, with text, inside a text block). When
 * only the colour rules run (the dark theme) and nothing on the page is new, axe does not run.
 *
 * The same holds for the site's frame: the header, the section sidebar and the footer are the
 * same markup on every page of a section, save the link marked as the current page, and the
 * sidebar alone is a few hundred links. In a sweep, a frame region is checked in full the first
 * time its markup (without `aria-current="page"`) is met, per rule set and theme, and left out of
 * later runs; a region whose markup differs in anything else is checked again. Page-level rules
 * still run on the whole document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(createRequire(require.resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA and axe's best practices: what every page is checked against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** The rules whose outcome depends on colours: what differs between the light and dark themes. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const CONTRAST = 'color-contrast';
const LINK = 'link-in-text-block';
/** The site's frame: the same markup on many pages (see the top of this file). */
const FRAME = '.site-header, nav.sidebar, .site-footer';

/** Makes axe available in every page `context` opens from now on. */
export async function withAxe(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ content: AXE_SOURCE });
  return context;
}

type Only = { tags: string[] } | { rules: string[] };

/** Violations on the page as "rule-id (first targets)": every rule of `tags`, or only `rules`. */
export async function axeViolations(page: Page, only: Only): Promise<string[]> {
  return run(page, only, null);
}

/**
 * `axeViolations` with colour contrast checked on one element of each text style not in `seen`
 * (see the top of this file); adds the styles it settled to `seen`. One axe run: the contrast
 * rule's selector is narrowed to the elements marked for it.
 */
export async function axeViolationsByStyle(page: Page, only: Only, seen: Set<string>): Promise<string[]> {
  return run(page, only, seen);
}

/**
 * The whole WCAG check on one page opened outside `withAxe` (a widget test's own page): loads axe
 * into the page if it is not there, then checks colour contrast per text style within this page
 * only. Same rules and engine as AxeBuilder, without its per-call injection and blank page.
 */
export async function pageViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return run(page, { tags: WCAG_TAGS }, new Set());
}

/** The whole WCAG check, colour contrast per text style. */
export const wcagViolations = (page: Page, seen: Set<string>) => axeViolationsByStyle(page, { tags: WCAG_TAGS }, seen);
/** The colour rules, colour contrast per text style: what the dark theme is checked against. */
export const colourViolations = (page: Page, seen: Set<string>) => axeViolationsByStyle(page, { rules: COLOUR_RULES }, seen);
/** Colour contrast alone, per text style. */
export const contrastViolations = (page: Page, seen: Set<string>) => axeViolationsByStyle(page, { rules: [CONTRAST] }, seen);

async function run(page: Page, only: Only, seen: Set<string> | null): Promise<string[]> {
  const { violations, settled } = await page.evaluate(
    async ({ only, seen, rule, link, frame }) => {
      type Node = { target: unknown[]; element?: Element };
      type Axe = {
        run: (ctx: object, opts: object) => Promise<Record<'violations' | 'incomplete', { id: string; nodes: Node[] }[]>>;
        configure: (spec: object) => void;
        setup: (root: Document) => unknown;
        teardown: () => void;
        commons: { dom: { isInTextBlock: (el: Element) => boolean } };
      };
      const axe = (window as unknown as { axe?: Axe }).axe;
      if (!axe) throw new Error('axe is not loaded in this page: open it in a context passed to withAxe()');
      const runOnly = 'tags' in only ? { type: 'tag', values: only.tags } : { type: 'rule', values: only.rules };
      const MARK = 'data-axe-contrast';
      const LINK_MARK = 'data-axe-link';
      const fresh = new Map<string, Element>();
      const freshLinks = new Map<string, Element>();
      const known = new Set(seen ?? []);
      // Frame regions met before with the same markup are left out; new ones are settled below.
      const hash = (text: string): string => {
        let h = 0x811c9dc5;
        for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
        return (h >>> 0).toString(36) + ':' + text.length;
      };
      const regions = seen
        ? [...document.querySelectorAll(frame)].map((el) => ({ el, key: `frame ${JSON.stringify(runOnly)} ${hash(el.outerHTML.replaceAll(' aria-current="page"', ''))}` }))
        : [];
      const skipped = regions.filter((r) => known.has(r.key)).map((r) => r.el);
      const inSkipped = (el: Element) => skipped.some((r) => r.contains(el));
      if (seen) {
        const style = (el: Element): string => {
          const own = getComputedStyle(el);
          const parts = [own.color, own.fontSize, own.fontWeight, own.textShadow, own.getPropertyValue('-webkit-text-stroke-width')];
          for (let a: Element | null = el; a; a = a.parentElement) {
            const s = getComputedStyle(a);
            parts.push(`${s.backgroundColor} ${s.backgroundImage} ${s.opacity} ${s.mixBlendMode} ${s.filter}`);
            if (/^rgb\(/.test(s.backgroundColor) || s.backgroundImage !== 'none') break;
          }
          return parts.join('|');
        };
        // On screen: a 1 px screen-reader-only box is not.
        const onScreen = (el: Element): boolean => {
          const box = el.getBoundingClientRect();
          return box.width > 2 && box.height > 2 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
        };
        // Elements that show text of their own, on screen.
        for (const el of document.body.querySelectorAll('*')) {
          if (!Array.prototype.some.call(el.childNodes, (n: ChildNode) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) continue;
          if (inSkipped(el) || !onScreen(el)) continue;
          const key = style(el);
          if (!known.has(key) && !fresh.has(key)) fresh.set(key, el);
        }
        // Links in running text: what link-in-text-block reads of the link and of its block.
        const BLOCK = /^(block|list-item|table|flex|grid|inline-block|table-.*)$/;
        const looks = (s: CSSStyleDeclaration): string =>
          [s.fontFamily.split(/[,;]/)[0]?.trim().toLowerCase(), s.textDecorationLine, s.textDecorationStyle, s.textDecoration, s.fontWeight, s.fontStyle, s.fontSize].join(' ');
        const runsLinkRule = 'tags' in only || only.rules.includes(link);
        const unknown = new Map<string, Element[]>();
        for (const a of runsLinkRule ? document.body.querySelectorAll('a[href], [role=link]') : []) {
          if (inSkipped(a) || !(a as HTMLElement).innerText?.trim() || !onScreen(a)) continue;
          let block = a.parentElement;
          while (block && !BLOCK.test(getComputedStyle(block).display)) block = block.parentElement;
          const own = getComputedStyle(a);
          const edges = ['border-bottom', 'border-top', 'outline'].map((e) => ['style', 'width', 'color'].map((p) => own.getPropertyValue(`${e}-${p}`)).join(' '));
          const pseudo = ['::before', '::after'].map((p) => getComputedStyle(a, p).content);
          const key = `link ${[own.display, looks(own), own.backgroundImage, ...edges, ...pseudo, style(a)].join('|')} in ${block ? [block.tagName, looks(getComputedStyle(block)), style(block)].join('|') : 'none'}`;
          if (known.has(key)) continue;
          const same = unknown.get(key);
          if (same) same.push(a);
          else unknown.set(key, [a]);
        }
        // Of each new pair, the first link the rule applies to (in running text, as axe sees it:
        // its helpers need axe's view of the page, set up and torn down around them).
        if (unknown.size) {
          axe.setup(document);
          try {
            for (const [key, links] of unknown) {
              const first = links.find((a) => axe.commons.dom.isInTextBlock(a));
              if (first) freshLinks.set(key, first);
            }
          } finally {
            axe.teardown();
          }
        }
      }
      const onlyColour = seen && 'rules' in only && only.rules.every((r) => r === rule || r === link);
      if (onlyColour && fresh.size === 0 && freshLinks.size === 0 && regions.every((r) => known.has(r.key))) return { violations: [], settled: [] };
      for (const el of fresh.values()) el.setAttribute(MARK, '');
      for (const el of freshLinks.values()) el.setAttribute(LINK_MARK, '');
      // The two colour rules look at the marked elements only, or at all they apply to (no `seen`).
      axe.configure({
        rules: [
          { id: rule, selector: seen ? `[${MARK}]` : '*' },
          { id: link, selector: seen ? `a[href][${LINK_MARK}], [role=link][${LINK_MARK}]` : 'a[href], [role=link]' },
        ],
      });
      try {
        const context = skipped.length ? { exclude: skipped } : document;
        const r = await axe.run(context, { runOnly, resultTypes: ['violations', 'incomplete'], elementRef: true });
        const open = new Set(r.incomplete.filter((v) => v.id === rule || v.id === link).flatMap((v) => v.nodes.map((n) => n.element)));
        // A region is settled when nothing in it was found wanting. What axe left undecided in it
        // stays undecided for the same markup, so it does not keep the region open.
        const failed = r.violations.flatMap((v) => v.nodes.map((n) => n.element));
        const clean = (el: Element) => !failed.some((o) => o && el.contains(o));
        return {
          violations: r.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`),
          settled: [
            ...[...fresh, ...freshLinks].filter(([, el]) => !open.has(el)).map(([key]) => key),
            ...regions.filter((x) => !known.has(x.key) && clean(x.el)).map((x) => x.key),
          ],
        };
      } finally {
        for (const el of fresh.values()) el.removeAttribute(MARK);
        for (const el of freshLinks.values()) el.removeAttribute(LINK_MARK);
      }
    },
    { only, seen: seen ? [...seen] : null, rule: CONTRAST, link: LINK, frame: FRAME },
  );
  for (const key of settled) seen?.add(key);
  return violations;
}
