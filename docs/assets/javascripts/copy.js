/*
 * Copy buttons, in the reader's language (translations/<language>/ui.yml, group `copy`, handed
 * over by overrides/partials/copy-scripts.html):
 *
 * - every "what to say" box gets a button that copies the phrase only: the box's text without
 *   its title, and without the quotation marks around it, ready to paste into a message;
 * - every section heading (h2/h3 with a permalink) gets a button that copies the full address of
 *   that section (this page's address with #section-id), the link trainers share.
 *
 * Each copy is confirmed on the button and announced to screen readers (a polite live region).
 *
 * Material's own copy button (the `content.code.copy` feature) cannot serve here: it is built
 * for code blocks only (it attaches to <pre><code>, copies the code's text and announces nothing
 * to screen readers), and cannot be pointed at a box's phrase or a heading's address.
 */
(function () {
  "use strict";

  var data = document.getElementById("hb-copy-words");
  var article = document.querySelector(".md-content .md-typeset");
  if (!data || !article) return;
  var words = JSON.parse(data.textContent);
  var CONFIRM_MS = 2000;

  // One live region for the whole page; emptied first, so the same words are announced again.
  var status = document.createElement("div");
  status.className = "hb-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("data-hb-copy-status", "");
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 100);
  }

  // The clipboard API needs a secure context (https or this computer); elsewhere, and if the
  // browser refuses, the older copy command on a hidden, selected text field.
  function copyWithCommand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    field.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text).catch(function () { return copyWithCommand(text); });
    return copyWithCommand(text);
  }

  function confirm(button, done, showText) {
    var shown = button.textContent;
    button.classList.add("hb-copied");
    if (showText) button.textContent = done;
    announce(done);
    window.setTimeout(function () {
      button.classList.remove("hb-copied");
      if (showText) button.textContent = shown;
    }, CONFIRM_MS);
  }

  function onClick(button, text, done, showText) {
    button.addEventListener("click", function () {
      copy(text()).then(function () { confirm(button, done, showText); },
                        function () { announce(words.failed); });
    });
  }

  // "What to say" boxes: the phrase, without the box's title and the quotation marks around it.
  var QUOTED = /^["\u201c\u201e\u00ab]([\s\S]*)["\u201d\u201c\u00bb]$/;

  function phraseOf(box) {
    var parts = [];
    for (var i = 0; i < box.children.length; i++) {
      var child = box.children[i];
      if (child.classList.contains("admonition-title")) continue;
      var text = child.innerText.trim();
      var quoted = QUOTED.exec(text);
      parts.push(quoted ? quoted[1].trim() : text);
    }
    return parts.join("\n");
  }

  var boxes = article.querySelectorAll("div.admonition.say");
  for (var b = 0; b < boxes.length; b++) {
    var title = boxes[b].querySelector(":scope > .admonition-title");
    if (!title) continue;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "hb-copy";
    button.textContent = words.phrase;
    button.setAttribute("aria-label", words.phrase_label);
    onClick(button, phraseOf.bind(null, boxes[b]), words.phrase_done, true);
    title.appendChild(button);
  }

  // Section headings: the address of this page with the section's id, without any ?query.
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
    + '<path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1'
    + 'M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';

  function sectionAddress(id) {
    var address = new URL(location.href);
    address.search = "";
    address.hash = id;
    return address.href;
  }

  var headings = article.querySelectorAll("h2[id], h3[id]");
  for (var h = 0; h < headings.length; h++) {
    var permalink = headings[h].querySelector(":scope > a.headerlink");
    if (!permalink) continue;  // a section of the page's text, not of a widget such as the decision tool
    var link = document.createElement("button");
    link.type = "button";
    link.className = "hb-copy-link";
    link.setAttribute("aria-label", words.link);
    link.title = words.link;
    link.innerHTML = ICON;
    onClick(link, sectionAddress.bind(null, headings[h].id), words.link_done, false);
    permalink.insertAdjacentElement("afterend", link);
  }
})();
