/**
 * The letter templates' tiny language, small enough for a non-programmer (see README.md here):
 *   {{name}}                 the value; when nobody recorded it, the whole line is left out
 *   {{#name}} … {{/name}}    kept only when the order gives that fact
 *   {{^name}} … {{/name}}    kept only when it does not
 *   {{! a note }}            a note for the editor, never printed
 * A misspelt name is an error, not a silent blank, so a broken template cannot reach a buyer.
 */

export interface FieldValue {
  text: string;
  /** False when nobody recorded the fact (or the list is empty): a line using it is left out. */
  known: boolean;
}

export type Fields = Readonly<Record<string, FieldValue>>;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

type Node = { type: "text"; text: string } | { type: "field"; name: string } | { type: "section"; name: string; inverted: boolean; children: Node[] };

const TAG = /\{\{\s*([#^/!]?)\s*([^}]*?)\s*\}\}/g;
// A line holding nothing but a section or note tag disappears whole, newline included.
const STANDALONE = /^[ \t]*(\{\{\s*[#^/!][^}]*\}\})[ \t]*\n/gm;

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: "", children: root }];
  const source = template.replace(/\r\n?/g, "\n").replace(STANDALONE, "$1");
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const here = stack[stack.length - 1].children;
    if (match.index! > last) here.push({ type: "text", text: source.slice(last, match.index) });
    last = match.index! + match[0].length;
    const [, sigil, name] = match;
    if (sigil === "!") continue;
    if (sigil === "#" || sigil === "^") {
      const section: Node = { type: "section", name, inverted: sigil === "^", children: [] };
      here.push(section);
      stack.push({ name, children: section.children });
    } else if (sigil === "/") {
      const open = stack.pop();
      if (!open || stack.length === 0 || open.name !== name) {
        throw new TemplateError(`{{/${name}}} closes ${open && open.name ? `{{#${open.name}}}` : "nothing"}`);
      }
    } else {
      here.push({ type: "field", name });
    }
  }
  if (stack.length > 1) throw new TemplateError(`{{#${stack[stack.length - 1].name}}} is never closed`);
  const tail = source.slice(last);
  if (tail) stack[0].children.push({ type: "text", text: tail });
  return root;
}

function lookup(fields: Fields, name: string): FieldValue {
  const value = fields[name];
  if (!value) throw new TemplateError(`unknown placeholder {{${name}}}; known: ${Object.keys(fields).sort().join(", ")}`);
  return value;
}

/** Marks a line that used a fact nobody recorded; such lines are removed after rendering. */
const DROP = "\u0000";

function render(nodes: Node[], fields: Fields): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "field") {
      const value = lookup(fields, node.name);
      out += value.known ? value.text.replaceAll(DROP, "") : DROP;
    } else if (lookup(fields, node.name).known !== node.inverted) out += render(node.children, fields);
  }
  return out;
}

/** Names a template uses, for checks that every template only asks for facts we provide. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === "field") names.add(n.name);
      if (n.type === "section") {
        names.add(n.name);
        walk(n.children);
      }
    }
  };
  walk(parse(template));
  return [...names].sort();
}

export function fillTemplate(template: string, fields: Fields): string {
  // A sentence needing a fact nobody recorded is left out whole: one line of a template is one claim.
  const text = render(parse(template), fields)
    .split("\n")
    .filter((line) => !line.includes(DROP))
    .join("\n");
  // Sections left out leave runs of empty lines behind; a letter never needs more than one.
  return (
    text
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}
