import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { HOSTING_MODELS, SERVERS } from './lib/content/vocabulary.ts';

/** Written form of a status: 502, 502.3, 500.30. */
const status = z.string().regex(/^[1-5]\d\d(\.\d{1,2})?$/, 'a status like "502" or "502.3"');
/** An error code in canonical form: 0x + 8 upper-case hex digits. */
const errorCode = z.string().regex(/^0x[0-9A-F]{8}$/, 'an error code like "0x80072EE2"');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case slug');
/** One sentence: used in lists, the meta description and search excerpts. */
const summary = z.string().min(40).max(200);

const causes = defineCollection({
  loader: glob({ base: './content/causes', pattern: '**/[^_]*.mdx' }),
  schema: z.object({
    title: z.string().min(10),
    summary,
    /** HTTP statuses this cause produces; each must have a page under /codes/. */
    statuses: z.array(status).default([]),
    /** Error codes that point to this cause; each must have a page under /codes/. */
    codes: z.array(errorCode).default([]),
    /** Where the cause happens. */
    servers: z.array(z.enum(SERVERS)).min(1),
    hosting: z.enum(HOSTING_MODELS),
    /** Other cause ids. */
    related: z.array(slug).default([]),
    /** Guide slugs. */
    guides: z.array(slug).default([]),
  }),
});

const codes = defineCollection({
  loader: glob({ base: './content/codes', pattern: '**/[^_]*.mdx' }),
  schema: z.object({
    title: z.string().min(5),
    summary,
    /** "502.3" for a status, "0x80072EE2" for an error code. */
    code: z.union([status, errorCode]),
    kind: z.enum(['status', 'error']),
    causes: z.array(slug).default([]),
    related: z.array(z.union([status, errorCode])).default([]),
  }),
});

const guides = defineCollection({
  loader: glob({ base: './content/guides', pattern: '**/[^_]*.mdx' }),
  schema: z.object({
    title: z.string().min(5),
    summary,
    /** Position in the guides sidebar. */
    order: z.number().int().min(0),
    related: z.array(slug).default([]),
    /** Servers the guide is about (the search page's "Server" filter); none for general guides. */
    servers: z.array(z.enum(SERVERS)).default([]),
  }),
});

export const collections = { causes, codes, guides };
