/**
 * The borg in use in plain words, from app:status's borg.features (the capability table's summary):
 * which repositories it opens and what Borgdesk offers with it. Settings lists these; the sidebar
 * shows the version with its release kind.
 */
import type { BorgFeatures } from '../../src-main/model/app.js';

const PRE_RELEASE: readonly (readonly [RegExp, string])[] = [
  [/\d(a|alpha)\d*$/, 'alpha'],
  [/\d(b|beta)\d*$/, 'beta'],
  [/\drc\d*$/, 'release candidate'],
];

/** "2.0.0b19 (beta)", "1.4.0": the version with its pre-release kind in words. */
export function borgVersionLabel(version: string): string {
  const kind = PRE_RELEASE.find(([pattern]) => pattern.test(version))?.[1];
  return kind === undefined ? version : `${version} (${kind})`;
}

/** What this borg opens and supports, one short phrase each, most important first. */
export function borgAbilities(features: BorgFeatures): string[] {
  const out: string[] = [];
  if (features.major >= 2) {
    out.push('opens borg 2 repositories only (borg 1.x ones need migrating)');
    if (features.softDelete) out.push('deleted archives can be restored until the next compact');
    if (features.archiveSeries) out.push('archives can share a name');
    if (features.tags) out.push('tags on archives');
    if (features.repoSpace) out.push('emergency space reserved in the repository');
    if (features.repoCompress) out.push('recompressing a whole repository');
    if (features.findLostArchives) out.push('finding archives lost from the archive list');
    if (features.migrateFromBorg1) out.push('copying a borg 1.x repository into a new borg 2 one');
    if (features.extraLocationSchemes.length > 0) {
      const schemes = features.extraLocationSchemes.map((s) => `${s}://`).join(', ');
      out.push(`repositories at ${schemes} locations`);
    }
    if (!features.archiveSizes) out.push('no compressed or deduplicated sizes per archive');
  } else {
    out.push('opens borg 1.x repositories (not borg 2 ones)');
    if (features.archiveSizes) out.push('sizes per archive (original, compressed, deduplicated)');
    if (features.repositoryTotals) out.push('repository totals');
    out.push('archive names are unique; deleting is final');
  }
  return out;
}
