// The controls of the page that are smaller than 24 × 24 CSS pixels (WCAG 2.2, 2.5.8), as
// [description, width, height]. A control counts if a tap can reach it: rendered, and on top
// at its centre once scrolled into view. A link inside running text is exempt (the criterion's
// "inline" exception): an inline link in a paragraph that shows other text of its own.
(() => {
  const MIN = 24;
  const CONTROLS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex]:not([tabindex="-1"])';

  function blockOf(element) {
    let node = element.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  }

  function inRunningText(element) {
    if (getComputedStyle(element).display !== "inline") return false;
    const block = blockOf(element);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (element.contains(text) || !text.textContent.trim() || blockOf(text) !== block) continue;
      range.selectNodeContents(text);
      if ([...range.getClientRects()].some((line) => line.width > 0)) return true;
    }
    return false;
  }

  function describe(element) {
    const label = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\s+/g, " ");
    return `<${element.tagName.toLowerCase()} class="${element.className}"> ${label.slice(0, 40)}`;
  }

  const small = [];
  for (const element of document.querySelectorAll(CONTROLS)) {
    if (!element.checkVisibility({ visibilityProperty: true })) continue;
    element.scrollIntoView({ block: "center", inline: "center" });
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !(element.contains(hit) || hit.contains(element) && hit.tagName === "LABEL")) continue;
    if (box.width >= MIN && box.height >= MIN) continue;
    if (inRunningText(element)) continue;
    small.push([describe(element), Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10]);
  }
  window.scrollTo(0, 0);
  return small;
})()
