/**
 * What `deck present` tells a served page: its `<meta name="deck-present">` (PresentPageConfig as JSON).
 * main.ts only checks that the meta is there; this reads it, in the lazily loaded part.
 */
import { PRESENT_META_NAME, RELAY_PATH } from '../../page-contract.ts';
import type { PresentPageConfig } from '../../present/protocol.ts';

/** The page's present configuration, or null without the meta or with content that is not one. */
export function readPresentConfig(doc: Document = document): PresentPageConfig | null {
  const content = doc.querySelector<HTMLMetaElement>(`meta[name="${PRESENT_META_NAME}"]`)?.content;
  if (!content) return null;
  try {
    const config = JSON.parse(content) as Partial<PresentPageConfig>;
    if (config.role !== 'presenter' && config.role !== 'audience') return null;
    return { ...config, role: config.role, relay: RELAY_PATH };
  } catch {
    return null;
  }
}
