/*
 * Text pasted into the search box, dictated, or committed by an input method arrives without a
 * key press, and Material's search reads the box on "keyup" only: pass every such change on to
 * it as a key release, so the results follow the text at once.
 */
"use strict";

(function () {
  var box = document.querySelector("input.md-search__input");
  if (!box) return;
  box.addEventListener("input", function (event) {
    if (event.isComposing) return;  // the input method sends "compositionend" when the word is done
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
  box.addEventListener("compositionend", function () {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
