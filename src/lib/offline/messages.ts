/**
 * Messages between pages and the service worker. Its own module without imports, so that the
 * registration script every page loads carries these three strings and nothing else of the
 * offline code.
 */
export const SW_MESSAGE = {
  /** page → waiting worker: the participant chose "Reload"; take over. */
  skipWaiting: 'SKIP_WAITING',
  /** page → active worker: the device is online; bring saved modules up to date if they need it. */
  revalidate: 'REVALIDATE',
  /** worker → pages: saved modules changed (brought up to date after an update). */
  savedUpdated: 'SAVED_UPDATED',
} as const;
