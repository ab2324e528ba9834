/*
 * Reading offline (handbook/offline.py writes this file to the site root as sw.js).
 *
 * A reader who chose "Save for offline" on a language's home page has that language's files
 * (its offline.json) in a cache named after this build's version and the language. Every
 * request to this site goes to the network first, so online readers always get the newest
 * pages; without a connection the saved copy answers. A new deploy changes this file: the new
 * worker saves the new files of every language the reader had saved and then deletes the old
 * caches. Nothing here talks to any other host.
 */
"use strict";

var VERSION = "__VERSION__";
var ROOTS = __ROOTS__;
var PREFIX = "handbook-offline:";

function cacheName(version, language) {
  return PREFIX + version + ":" + language;
}

function siteUrl(address) {
  return new URL(address, self.registration.scope).href;
}

/* Download a language's files into this version's cache; the old cache stays until it is done. */
function save(language) {
  return fetch(siteUrl(ROOTS[language] + "offline.json"), { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error("offline.json: " + response.status);
      return response.json();
    })
    .then(function (manifest) {
      return caches.open(cacheName(manifest.version, language)).then(function (cache) {
        return cache.addAll(manifest.files.map(function (address) {
          return new Request(siteUrl(address), { cache: "reload" });
        }));
      });
    });
}

/* Bring every saved language to this version; keep an old copy when the download fails. */
function update() {
  return caches.keys().then(function (names) {
    var saved = names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
    return Promise.all(saved.map(function (name) {
      var parts = name.slice(PREFIX.length).split(":");
      var version = parts[0], language = parts[1];
      if (version === VERSION || !(language in ROOTS)) return null;
      if (saved.indexOf(cacheName(VERSION, language)) >= 0) return caches.delete(name);
      return save(language).then(function () { return caches.delete(name); }, function () {});
    }));
  });
}

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(update().then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "update") event.waitUntil(update());
});

function fromCache(request) {
  return caches.match(request).then(function (found) {
    return found || caches.match(request, { ignoreSearch: true });
  }).then(function (found) {
    if (found || request.mode !== "navigate") return found;
    var path = new URL(request.url).pathname.slice(new URL(self.registration.scope).pathname.length);
    var language = Object.keys(ROOTS).filter(function (code) {
      return ROOTS[code] && path.indexOf(ROOTS[code]) === 0;
    })[0];
    return caches.match(siteUrl((language ? ROOTS[language] : "") + "404.html"));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).catch(function (error) {
    return fromCache(request).then(function (found) {
      if (found) return found;
      throw error;
    });
  }));
});
