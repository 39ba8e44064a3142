/** Site navigation data: pure, shared by the header, breadcrumbs and section sidebars. */

export interface NavLink {
  href: string;
  label: string;
}

export const PRIMARY_NAV: NavLink[] = [
  { href: '/diagnose/', label: 'Diagnose' },
  { href: '/troubleshoot/', label: 'Troubleshoot' },
  { href: '/causes/', label: 'Causes' },
  { href: '/codes/', label: 'Codes' },
  { href: '/guides/', label: 'Guides' },
];

/** The primary nav entry a path belongs to, for aria-current="true" on section links. */
export function sectionOf(pathname: string): NavLink | undefined {
  return PRIMARY_NAV.find((l) => pathname === l.href || pathname.startsWith(l.href));
}

/** Previous and next items around `current` in an ordered list. */
export function prevNext<T extends { href: string }>(items: T[], currentHref: string): { prev?: T; next?: T } {
  const i = items.findIndex((it) => it.href === currentHref);
  if (i < 0) return {};
  return { prev: items[i - 1], next: items[i + 1] };
}
