/** One URL of every page type the site builds (the browser tests visit each). */
export const PAGE_TYPES = {
  home: '/',
  'causes index': '/causes/',
  cause: '/causes/request-timeout/',
  'codes index': '/codes/',
  'status code': '/codes/502-3/',
  'error code': '/codes/0x80072ee2/',
  'guides index': '/guides/',
  guide: '/guides/reading-iis-logs/',
  search: '/search/',
  about: '/about/',
  'not found': '/404.html',
} as const;
