/**
 * Reads a lesson's MDX the way the site does: satteri (Astro's own Markdown/MDX parser) for the
 * document, Babel's parser for the JSX attribute expressions, evaluated as literals only (arrays,
 * objects, strings, numbers, booleans, null) — nothing from a content file ever runs. Node-only:
 * the content check and the status scripts use it; the site renders with Astro.
 */
import { mdxToMdast } from 'satteri';
import { parseExpression } from '@babel/parser';

/** A JSX element of the lesson: its name, attributes, plain text and, for lists inside, items. */
export interface MdxElement {
  name: string;
  /** String attributes as they are; expression attributes as their evaluated literal value. */
  attributes: Record<string, unknown>;
  /** The element's text content (words only, markup removed). */
  text: string;
  /** The items of Markdown lists inside the element, as text. */
  listItems: string[];
  /** 1-based line of the element in the body. */
  line: number;
}

/** A parsed lesson body. */
export interface ParsedMdx {
  elements: MdxElement[];
  /** Running text outside `<SelfCheck>`, for word counts and readability. */
  prose: string;
  /** The document's paragraphs and list items, in order, as text (for readability and audio). */
  paragraphs: string[];
  /** The section headings (`##`), in order. */
  sections: string[];
}

/** Thrown when a body is not valid MDX or an attribute is not a literal; the message says where. */
export class MdxError extends Error {
  override name = 'MdxError';
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: Array<{ type: string; name: string; value: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
}

/** The value of a literal expression node; throws for anything that is not a literal. */
function literal(node: { type: string; [key: string]: unknown }): unknown {
  switch (node.type) {
    case 'ArrayExpression':
      return (node.elements as Array<{ type: string }>).map((element) => literal(element as never));
    case 'ObjectExpression':
      return Object.fromEntries(
        (node.properties as Array<{ type: string; key: { type: string; name?: string; value?: string }; value: never; computed: boolean }>).map((property) => {
          if (property.type !== 'ObjectProperty' || property.computed) throw new MdxError('only plain properties are allowed');
          const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
          return [String(key), literal(property.value)];
        }),
      );
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'UnaryExpression':
      if (node.operator === '-' && (node.argument as { type: string }).type === 'NumericLiteral') return -(node.argument as { value: number }).value;
      break;
    case 'TemplateLiteral':
      if ((node.expressions as unknown[]).length === 0) return (node.quasis as Array<{ value: { cooked: string } }>)[0]!.value.cooked;
      break;
  }
  throw new MdxError(`${node.type} is not a literal; lesson attributes hold only text, numbers, lists and objects`);
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  if (node.type === 'mdxJsxTextElement' && node.name === 'Fact') return '0';
  return (node.children ?? []).map(textOf).join(node.type === 'listItem' || node.type === 'list' ? ' ' : '');
}

/**
 * Parses a lesson body (without frontmatter).
 *
 * @throws MdxError naming the line, for invalid MDX or an attribute that is not a literal
 */
export function parseMdx(body: string): ParsedMdx {
  let tree: Node;
  try {
    tree = mdxToMdast(body) as unknown as Node;
  } catch (error) {
    throw new MdxError(`not valid MDX: ${(error as Error).message}`);
  }
  const elements: MdxElement[] = [];
  const paragraphs: string[] = [];
  const prose: string[] = [];
  const sections: string[] = [];
  // `collected`: the text of this node was already taken by an enclosing paragraph or list item.
  const visit = (node: Node, insideSelfCheck: boolean, collected = false) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const line = node.position?.start.line ?? 0;
      const attributes: Record<string, unknown> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute') throw new MdxError(`line ${line}: <${node.name}> has a spread attribute`);
        const value = attribute.value as { type?: string; value?: string } | string | null;
        if (value && typeof value === 'object' && value.type === 'mdxJsxAttributeValueExpression') {
          try {
            attributes[attribute.name] = literal(parseExpression(value.value ?? '') as never);
          } catch (error) {
            throw new MdxError(`line ${line}: <${node.name} ${attribute.name}={…}>: ${(error as Error).message}`);
          }
        } else attributes[attribute.name] = value ?? true;
      }
      const listItems: string[] = [];
      const collectItems = (child: Node) => {
        if (child.type === 'listItem') listItems.push(textOf(child).replace(/\s+/g, ' ').trim());
        child.children?.forEach(collectItems);
      };
      node.children?.forEach(collectItems);
      elements.push({ name: node.name, attributes, text: textOf(node).replace(/\s+/g, ' ').trim(), listItems, line });
      insideSelfCheck ||= node.name === 'SelfCheck';
    }
    if (!insideSelfCheck && !collected && (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'heading')) {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      if (text) {
        prose.push(text);
        if (node.type !== 'heading') paragraphs.push(text);
        else if ((node as { depth?: number }).depth === 2) sections.push(text);
      }
      collected = true;
    }
    for (const child of node.children ?? []) visit(child, insideSelfCheck, collected);
  };
  visit(tree, false);
  return { elements, prose: prose.join('\n'), paragraphs, sections };
}
