// Figures cached until they change (docs/product.md#management-information): per key
// (municipality × filter × day × what the role may see × format), with the version of
// the data they were computed from, in the kernel's VersionedCache.
import type { CacheLimits } from '../../kernel/versioned-cache.js';

export { type CacheLimits, VersionedCache as FigureCache } from '../../kernel/versioned-cache.js';

/** Per process: the largest municipality's figures are some 100 kB per filter. */
export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxEntries: 2_000, maxBytes: 64 * 1024 * 1024 };
