/**
 * The only script on pages without widgets: theme toggle, the "/" search shortcut and copy
 * buttons on code blocks. Bundled by Astro (so its hash is in the CSP), loaded as a module.
 */
import { attachCopyButtons } from './copy-code.ts';
import { initThemeToggle } from './theme.ts';
import { encodeSearch } from '../lib/search/fragment.ts';
import { looksLikeEvidence } from '../lib/search/evidence.ts';
import { sendToDiagnose } from '../components/shared/handoff.ts';

initThemeToggle(document);
attachCopyButtons(document);

// Browsers without ::details-content: open the section menu where it is shown beside the page.
const wide = matchMedia('(min-width: 60rem)');
const syncSidebar = () => {
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-sidebar]')) if (wide.matches) d.open = true;
};
syncSidebar();
wide.addEventListener('change', syncSidebar);

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const search = document.getElementById('site-search') as HTMLInputElement | null;
  if (!search) return;
  event.preventDefault();
  search.focus();
  search.select();
});

// Search boxes (header, 404 page): the text never goes into a request. Search words go to the
// search page in the URL fragment; a pasted log line or message goes to the diagnosis.
// The inputs have no `name`, so even a submit before this script runs sends nothing.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector<HTMLInputElement>('input[type="search"]');
    const text = input?.value.trim() ?? '';
    if (text && looksLikeEvidence(text)) return sendToDiagnose(text);
    const hash = encodeSearch({ q: text, section: '', server: '' });
    location.assign('/search/' + (hash ? `#${hash}` : ''));
  });
}
