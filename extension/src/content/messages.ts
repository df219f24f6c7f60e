/** Messages between the extension's scripts. Every one is checked by `type` on arrival. */

/** Background → coach (every frame of the tab). */
export type CoachMessage =
  | { type: 'defuse:customer-message'; text: string }
  | { type: 'defuse:open' };

/** Loader or coach → background. */
export type BackgroundMessage =
  | { type: 'defuse:inject' }
  | { type: 'defuse:coach-started' };

declare global {
  interface Window {
    /** Set once the coach runs in this frame (in the content scripts' own world, invisible to the page). */
    __defuseCoach?: { open(): void; useCustomerMessage(text: string): void };
    /** When the loader asked for the coach, to measure cold start. */
    __defuseLoaderAt?: number;
  }
}
