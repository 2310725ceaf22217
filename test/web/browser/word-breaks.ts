/**
 * Runs in the page (page.evaluate): every word under `root` that the browser laid out on two
 * lines. A word is a run of non-space characters; its Range has client rects on two line tops
 * when it wraps. A break inside a value cell (VALUE_CELLS) is always reported; elsewhere (prose)
 * only a break between two letters or digits is, since a sentence may wrap after a hyphen.
 * Self-contained: Playwright sends its source to the page, so it may use nothing from outside.
 */
export function brokenWords(root: string): string[] {
  const VALUE_CELLS = 'dd, td, th, output, button, label, summary, select, .word, .step-state, .reason, .count';
  const top = (rect: DOMRect): number => Math.round(rect.top);
  const found: string[] = [];
  const scope = document.querySelector(root);
  if (scope === null) return [`no element matches ${root}`];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('pre') !== null) continue;
    for (const match of node.data.matchAll(/\S+/g)) {
      const start = match.index;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + match[0].length);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
      if (new Set(rects.map(top)).size < 2) continue;
      // The first character laid out on a later line than the word's first character.
      const firstTop = top(rects[0]!);
      let at = 1;
      for (; at < match[0].length; at += 1) {
        range.setStart(node, start + at);
        range.setEnd(node, start + at + 1);
        const rect = range.getClientRects()[0];
        if (rect !== undefined && top(rect) !== firstTop) break;
      }
      const between = /[\p{L}\p{N}]/u.test(match[0][at - 1] ?? '') && /[\p{L}\p{N}]/u.test(match[0][at] ?? '');
      if (between || parent.closest(VALUE_CELLS) !== null) {
        found.push(`${parent.tagName.toLowerCase()}${parent.id === '' ? '' : `#${parent.id}`} "${match[0]}" breaks before "${match[0].slice(at)}"`);
      }
    }
  }
  return found;
}
