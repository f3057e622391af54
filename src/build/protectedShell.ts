import type { Translate } from '../lib/i18n/index.ts';
import type { EncryptedPage } from '../lib/protect.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Decrypts the page and replaces the document with it. The key comes from the password typed
 * (one PBKDF2 run) or, on later pages, from the raw AES key remembered for the session under the
 * build's salt: the password itself is never stored. Mirrors src/lib/protect.ts.
 */
const UNLOCK_SCRIPT = `
const text = JSON.parse(document.getElementById('itinera-text').textContent);
const payload = JSON.parse(document.getElementById('itinera-payload').textContent);
const form = document.getElementById('itinera-unlock');
const status = document.getElementById('itinera-status');
const storageName = 'itinera-key:' + payload.salt;
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const base64 = (data) => btoa(String.fromCharCode(...data));
async function deriveKeyBytes(password) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(payload.salt), iterations: payload.iterations }, material, 256));
}
async function decrypt(keyBytes) {
  const key = await crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['decrypt']);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(payload.iv) }, key, bytes(payload.data));
  return new TextDecoder().decode(plain);
}
function show(html) {
  document.open();
  document.write(html);
  document.close();
}
async function unlock(password, remember) {
  status.textContent = text.opening;
  try {
    const keyBytes = await deriveKeyBytes(password);
    const html = await decrypt(keyBytes);
    if (remember) sessionStorage.setItem(storageName, base64(keyBytes));
    show(html);
  } catch {
    status.textContent = text.wrong;
    form.elements.password.select();
  }
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  unlock(form.elements.password.value, form.elements.remember.checked);
});
// Builds before one salt per report kept the password itself here.
sessionStorage.removeItem('itinera-password');
const remembered = sessionStorage.getItem(storageName);
if (remembered) decrypt(bytes(remembered)).then(show, () => sessionStorage.removeItem(storageName));
`;

/** The page a protected report publishes instead of each real page: a password form and the ciphertext. */
export function protectedShell(options: {
  lang: string;
  stylesheets: string[];
  ogImage: string;
  payload: EncryptedPage;
  t: Translate;
}): string {
  const { t } = options;
  const links = options.stylesheets
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('');
  // JSON inside <script>: "<" is escaped so the data can never close the element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('protected.title'))}</title><meta name="robots" content="noindex, nofollow"><meta property="og:title" content="${escapeHtml(t('protected.title'))}"><meta property="og:image" content="${escapeHtml(options.ogImage)}"><meta name="twitter:card" content="summary_large_image">${links}</head><body><main id="main" class="protected"><h1>${escapeHtml(t('protected.title'))}</h1><p>${escapeHtml(t('protected.text'))}</p><form id="itinera-unlock"><p><label for="itinera-password">${escapeHtml(t('protected.password'))}</label><br><input id="itinera-password" name="password" type="password" autocomplete="current-password" required></p><p><label><input type="checkbox" name="remember" checked> ${escapeHtml(t('protected.remember'))}</label></p><p><button type="submit">${escapeHtml(t('protected.open'))}</button></p><p id="itinera-status" role="status" aria-live="polite"></p></form><noscript><p>${escapeHtml(t('protected.noscript'))}</p></noscript></main><script type="application/json" id="itinera-payload">${json(options.payload)}</script><script type="application/json" id="itinera-text">${json({ opening: t('protected.opening'), wrong: t('protected.wrong') })}</script><script type="module">${UNLOCK_SCRIPT}</script></body></html>`;
}
