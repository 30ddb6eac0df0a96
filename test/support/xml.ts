/** A parsed XML element: name, attributes, children and its text (entities decoded). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAME = '[A-Za-z_][\\w.:-]*';

function decode(raw: string, where: string): string {
  if (/[<]/.test(raw) || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) {
    throw new Error(`not well-formed: unescaped markup in ${where}: ${raw.slice(0, 60)}`);
  }
  return raw.replace(ENTITY, (_m, e: string) =>
    e === 'amp'
      ? '&'
      : e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/**
 * A strict parser for the XML LawGate produces (elements, attributes, text, an XML declaration; no DTD, comments or
 * CDATA): throws on anything not well-formed, so a test can say a feed parses without a dependency for it.
 */
export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text) stack[stack.length - 1].text += decode(text, `text of <${stack[stack.length - 1].name}>`);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (!m) throw new Error(`not well-formed: bad tag at ${rest.slice(0, 60)}`);
    const [whole, closing, name, attrs, selfClosing] = m;
    rest = rest.slice(whole.length);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) {
        throw new Error(`not well-formed: </${name}> closes <${open?.name}>`);
      }
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrs.matchAll(new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g'))) {
      if (a[1] in attributes) throw new Error(`not well-formed: attribute ${a[1]} twice`);
      attributes[a[1]] = decode(a[2], `attribute ${a[1]}`);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`not well-formed: <${stack[stack.length - 1].name}> is not closed`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not well-formed: one root element');
  return root.children[0];
}
