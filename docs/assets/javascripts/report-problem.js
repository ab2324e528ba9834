/*
 * "Report a problem with this page" (overrides/partials/report-problem.html): the link already
 * holds the page's address and language; this adds the section the reader came from, or the
 * decision tool's answers, from the address's #fragment, whenever it changes. It only rewrites
 * the link: nothing is sent anywhere until the reader submits the form on GitHub.
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

  function update() {
    var address = new URL(original);
    var fragment = location.hash.slice(1);
    try { fragment = decodeURIComponent(fragment); } catch (error) { /* keep it as written */ }
    if (fragment) {
      var lines = address.searchParams.get("body").split("\n");
      var heading = document.getElementById(fragment);
      if (heading && /^H[23]$/.test(heading.tagName)) {
        lines.splice(2, 0, link.getAttribute("data-hb-section-label") + ": " + headingTitle(heading)
                           + " (#" + fragment + ")");
      } else {
        lines[0] += "#" + fragment;  // the decision tool's answers, or another place on the page
      }
      address.searchParams.set("body", lines.join("\n"));
    }
    link.href = address.href;
  }

  window.addEventListener("hashchange", update);
  update();
})();
