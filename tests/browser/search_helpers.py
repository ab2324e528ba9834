"""Using the site's search box the way a reader does."""

from __future__ import annotations

import re

from playwright.sync_api import Page

# Finished when the result line says "No matching documents" or "N matching documents", in the
# page's language (Material's own words for it are in the page's configuration).
_FINISHED = r"""() => {
  const words = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta');
  if (!meta) return false;
  const text = meta.textContent.trim();
  const escape = part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const counted = ['search.result.one', 'search.result.other'].some(key =>
    new RegExp('^' + words[key].split('#').map(escape).join('\\d+') + '$').test(text));
  return text === words['search.result.none'] || counted;
}"""


# Ready when the line under the box says "Type to start searching" in the page's language.
_READY = r"""() => {
  const words = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() === words['search.result.placeholder'];
}"""


def search(page: Page, query: str) -> list[dict]:
    """Type `query` in the search box; the results shown, as {href, text, marks}."""
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(_READY, polling=100)
    box.fill(query)
    box.press("End")  # Material reads the query on key up
    page.wait_for_function(_FINISHED, polling=100)
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map(a => ({href: a.href, text: a.textContent,"
        " marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))")


def rows(page: Page, base: str) -> list[list[str]]:
    """The result list as the reader sees it: per page, the page and the sections shown under it
    (not those folded under "N more on this page"), as locations under `base` ("listening/#x")."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [...item.querySelectorAll(':scope > a')].map(a => a.href))")
    return [[re.sub(r"\?[^#]*", "", href)[len(base):] for href in row] for row in hrefs]
