/**
 * The site being built, from the Orienta integration's virtual module. The one import of
 * `virtual:orienta/site`: everything else asks here.
 */
export { site, locales, localSiteIds, localResources, reservedSegments, logoUrl } from 'virtual:orienta/site';
export { fontsByScript } from 'virtual:orienta/fonts';
