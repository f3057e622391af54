/** The `<iframe>` codes offered on a built page, decoded from their read-only text fields. */
export function embedCodes(
  html: string,
): { src: string; width: number; height: number; title: string; loading: string }[] {
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<textarea[^>]*readonly[^>]*>([^<]*)<\/textarea>/g)].map((m) => {
    const code = decode(m[1]!);
    const attribute = (name: string) => code.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? '';
    return {
      src: attribute('src'),
      width: Number(attribute('width')),
      height: Number(attribute('height')),
      title: attribute('title'),
      loading: attribute('loading'),
    };
  });
}
