/** A minimal resource for benchmarks. */
import { syntheticSource } from '../src/core/errors.js';
import type { Resource } from '../src/core/model.js';

export function resource(id: string, tags: Record<string, string>): Resource {
  return {
    id,
    provider: 'webhook',
    tags,
    config: {},
    baseline: [],
    prune: false,
    source: syntheticSource('bench'),
    path: [],
  };
}
