/**
 * The extension's manifest, written by the build for three targets: the unpacked folder (with a public `key`,
 * so every unpacked install has the same id and so the same origin for the desk's CORS allow-list), the
 * Chrome Web Store / Edge Add-ons zip (stores assign their own id and refuse a `key`), and Firefox
 * (`background.scripts`, a gecko id).
 *
 * Permissions, each justified in extension/README.md:
 * - `storage`: the options page's settings and the pulled team config, on this machine only;
 * - `contextMenus`: the "Use as customer message" item on selected text;
 * - `activeTab` + `scripting`: coach any other page only when the agent asks (toolbar button or menu item),
 *   and inject the coach lazily into helpdesk frames that have a reply editor;
 * - host permissions for the supported helpdesks only, https only, taken from the site adapters.
 */
import { siteMatchPatterns } from './src/sites/index.ts';

/** Public half of the key that pins the unpacked extension's id (the private half is not kept anywhere). */
export const UNPACKED_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsjhn3dUcDs24yP3rc3CUF4ZJoHb/Fj4AXUgP4Jjda1w6gC1NHdKsvPko+lBpsHxBQekG0pajBRq2sLj2+lwqwP+iVZ33+EBhw59SCvyzwAbVomlc6G6R7Ka+Cwoyrq8XnFZYoT8bhZyp4e2HQwvYX2sve0gEqrob7Q9e3RG3FjIo4H+SakBV/SfC1YL6XWUzVkNFcGrcGZwbgpyHBexvWKevtgCWMJRD3tfvO3AMTYvpLo/qjrWe4lhSsP7mQRZXZtKS2DoFSGxYLp6qEPXqYNsDD38H06FvxFY1Nz9di7V1N+w4be/JY/JEgg99sbuo8uwc20mW+xl/gQumwXHgHQIDAQAB';

/** The id Chrome and Edge give the unpacked extension (derived from `UNPACKED_KEY`; a test checks it). */
export const UNPACKED_ID = 'nihacdihjonaffmfkpaloalihplmhohh';

export type ManifestTarget = 'unpacked' | 'chrome' | 'firefox';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * The manifest for a target.
 *
 * @example
 * manifest('chrome', '0.1.0').permissions // ['storage', 'contextMenus', 'activeTab', 'scripting']
 */
export function manifest(target: ManifestTarget, version: string): Record<string, unknown> {
  const hosts = siteMatchPatterns();
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/icon-${s}.png`]));
  return {
    manifest_version: 3,
    name: 'Defuse coach',
    short_name: 'Defuse',
    version,
    description: 'De-escalation coaching in your helpdesk’s reply box. Runs on your machine: drafts and customer messages never leave it.',
    icons,
    action: { default_title: 'Coach this page with Defuse', default_icon: icons },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: hosts,
    content_scripts: [{ matches: hosts, js: ['loader.js'], all_frames: true, run_at: 'document_idle' }],
    ...(target === 'firefox'
      ? { background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: 'coach@defuse.localhost', strict_min_version: '121.0' } } }
      : { background: { service_worker: 'background.js' }, minimum_chrome_version: '116' }),
    ...(target === 'unpacked' ? { key: UNPACKED_KEY } : {}),
  };
}
