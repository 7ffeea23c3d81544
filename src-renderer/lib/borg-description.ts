/**
 * The borg in use in plain words, from app:status's borg.features (the capability table's summary):
 * which repositories it opens and what Borgdesk offers with it. Settings lists these; the sidebar
 * shows the version with its release kind. Words come from the components catalog.
 */
import type { BorgFeatures } from '../../src-main/model/app.js';
import { componentsT } from './choices.js';

type ReleaseKind = 'alpha' | 'beta' | 'rc';

const PRE_RELEASE: readonly (readonly [RegExp, ReleaseKind])[] = [
  [/\d(a|alpha)\d*$/, 'alpha'],
  [/\d(b|beta)\d*$/, 'beta'],
  [/\drc\d*$/, 'rc'],
];

/** "beta", "release candidate": a pre-release's kind in words, or undefined for a release. */
export function borgReleaseKind(version: string): string | undefined {
  const kind = PRE_RELEASE.find(([pattern]) => pattern.test(version))?.[1];
  return kind === undefined ? undefined : componentsT()(`borg.kind.${kind}`);
}

/** "2.0.0b19 (beta)", "1.4.0": the version with its pre-release kind in words. */
export function borgVersionLabel(version: string): string {
  const kind = borgReleaseKind(version);
  return kind === undefined ? version : componentsT()('borg.versionWithKind', { version, kind });
}

/** What this borg opens and supports, one short phrase each, most important first. */
export function borgAbilities(features: BorgFeatures): string[] {
  const t = componentsT();
  const out: string[] = [];
  if (features.major >= 2) {
    out.push(t('borg.abilities.borg2Only'));
    if (features.softDelete) out.push(t('borg.abilities.softDelete'));
    if (features.archiveSeries) out.push(t('borg.abilities.archiveSeries'));
    if (features.tags) out.push(t('borg.abilities.tags'));
    if (features.repoSpace) out.push(t('borg.abilities.repoSpace'));
    if (features.repoCompress) out.push(t('borg.abilities.repoCompress'));
    if (features.findLostArchives) out.push(t('borg.abilities.findLostArchives'));
    if (features.migrateFromBorg1) out.push(t('borg.abilities.migrateFromBorg1'));
    if (features.extraLocationSchemes.length > 0) {
      const schemes = features.extraLocationSchemes.map((s) => `${s}://`).join(', ');
      out.push(t('borg.abilities.extraLocationSchemes', { schemes }));
    }
    if (!features.archiveSizes) out.push(t('borg.abilities.noArchiveSizes'));
  } else {
    out.push(t('borg.abilities.borg1Only'));
    if (features.archiveSizes) out.push(t('borg.abilities.archiveSizes'));
    if (features.repositoryTotals) out.push(t('borg.abilities.repositoryTotals'));
    out.push(t('borg.abilities.uniqueNames'));
  }
  return out;
}
