/**
 * Escaping for everything a scenario supplies. Scenario strings (display names, batch names,
 * finding messages) are user input, so every one goes through `escapeHtml` before it reaches
 * markup, and data for the charts goes through `jsonForScript` before it reaches a script tag.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` become
 * unicode escapes so no `</script>` or `<!--` can end the block, and the line and paragraph
 * separators are escaped as older parsers treat them as line ends. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
