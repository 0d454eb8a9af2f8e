/** Escapes Markdown inline syntax: emphasis, code, links, HTML, tables, strikethrough, math and entities. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~$]|&(?=#?\w+;)/g, '\\$&');
}
