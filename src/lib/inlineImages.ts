/**
 * Protected reports publish only encrypted pages, so images that come from the report (persona
 * avatars, pictures in MDX bodies, the client's logo) cannot stay beside them as plain files:
 * they are written into each page that shows them as `data:` URIs, and so encrypted with it.
 */

const MEDIA_TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** The media type of an image file by its extension, or undefined for anything else (fonts, CSS, scripts). */
export function imageMediaType(file: string): string | undefined {
  return MEDIA_TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()];
}

export const dataUri = (mediaType: string, bytes: Uint8Array): string =>
  `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;

/**
 * Replaces every quoted or `srcset` reference to one of the images (by its URL as pages link it,
 * base included) with its `data:` URI. An URL is replaced only where it ends (a quote, a space, a
 * comma), so `/a.png` never rewrites part of `/a.png.webp`.
 */
export function inlineImages(html: string, images: ReadonlyMap<string, string>): string {
  if (images.size === 0) return html;
  const escaped = [...images.keys()]
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(["'\\s,(])(${escaped.join('|')})(?=["'\\s,)])`, 'g');
  return html.replace(pattern, (_, before: string, url: string) => `${before}${images.get(url)}`);
}
