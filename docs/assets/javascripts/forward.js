/* An /en/... forwarding page (hooks/default_language_alias.py): go on to the same page at the
   site root, keeping the #section; data-target is that page's address relative to this one. */
location.replace(document.currentScript.dataset.target + location.hash);
