import { Parser } from 'htmlparser2';

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element and its descendants. */
  text: string;
  parent?: SvgElement;
}

/** Every element of an SVG string, in document order, with its text. */
export function parseSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const stack: SvgElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: SvgElement = { name, attributes, text: '', parent: stack.at(-1) };
        elements.push(element);
        stack.push(element);
      },
      ontext(text) {
        for (const open of stack) open.text += text;
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  return elements;
}

/** Attribute values that a broken computation would leave behind. */
export function badAttributes(svg: string): string[] {
  return parseSvg(svg).flatMap((e) =>
    Object.entries(e.attributes)
      .filter(([, value]) => /NaN|undefined|Infinity|null/.test(value))
      .map(([name, value]) => `<${e.name} ${name}="${value}">`),
  );
}
