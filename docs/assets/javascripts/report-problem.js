/*
 * "Report a problem with this page" (overrides/partials/report-problem.html): the link already
 * holds the page's address and language; this adds the section the reader came from (a heading of
 * the page that the address's #fragment names), whenever it changes, and nothing else from the
 * address. It only rewrites the link: nothing is sent anywhere until the reader submits the form
 * on GitHub.
 */
(function () {
  "use strict";

  var link = document.querySelector("a[data-hb-report]");
  if (!link) return;
  var original = link.href;

  function headingTitle(heading) {
    var copy = heading.cloneNode(true);
    var extras = copy.querySelectorAll(".headerlink, button");
    for (var i = 0; i < extras.length; i++) extras[i].remove();
    return copy.textContent.trim();
  }

  /* The section of the page the address points at, or null: the only thing taken from the
     address. Anything else in the #fragment (the decision tool's answers, any text a link was
     made with) never goes into the report. */
  function section() {
    var fragment = location.hash.slice(1);
    try { fragment = decodeURIComponent(fragment); } catch (error) { return null; }
    if (!/^[A-Za-z0-9_-]+$/.test(fragment)) return null;
    var heading = document.getElementById(fragment);
    return heading && /^H[23]$/.test(heading.tagName) && heading.closest("article") ? heading : null;
  }

  function update() {
    var address = new URL(original);
    var heading = section();
    if (heading) {
      var lines = address.searchParams.get("body").split("\n");
      lines.splice(2, 0, link.getAttribute("data-hb-section-label") + ": " + headingTitle(heading)
                         + " (#" + heading.id + ")");
      address.searchParams.set("body", lines.join("\n"));
    }
    link.href = address.href;
  }

  window.addEventListener("hashchange", update);
  update();
})();
