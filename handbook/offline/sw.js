/*
 * Reading offline (handbook/offline/worker.py writes this file to the site root as sw.js).
 *
 * A reader who chose "Save for offline" on a language's home page has that language's files
 * (its offline.json) in a cache named "handbook-offline:<version>:<language>". Every request to
 * this site goes to the network first, so online readers always get the newest pages; without a
 * connection the saved copy of the address's own language answers, never another language's.
 *
 * The worker reads and deletes only caches it names itself: a known language and a build
 * version; any other cache on the origin is left alone and never read. A new deploy changes this
 * file: the new worker downloads the new files of every saved language while it installs (the old
 * worker keeps serving meanwhile, and a download that stalls is given up after TIMEOUT), then,
 * active, deletes the copies it replaced. A language whose download failed keeps its old copy,
 * which the page shows with its date (offline-notice.js). Nothing here talks to any other host.
 */
"use strict";

var VERSION = "__VERSION__";
var ROOTS = __ROOTS__;
var PREFIX = "handbook-offline:";
var TIMEOUT = 30000;

function cacheName(version, language) {
  return PREFIX + version + ":" + language;
}

/* {version, language} of a cache this worker names, or null for any other cache. */
function ownCache(name) {
  var parts = name.split(":");
  if (parts.length !== 3 || parts[0] + ":" !== PREFIX || !/^[0-9a-f]{16}$/.test(parts[1])) return null;
  if (!Object.prototype.hasOwnProperty.call(ROOTS, parts[2])) return null;
  return { name: name, version: parts[1], language: parts[2] };
}

function ownCaches() {
  return caches.keys().then(function (names) { return names.map(ownCache).filter(Boolean); });
}

function siteUrl(address) {
  return new URL(address, self.registration.scope).href;
}

/* The language of a site address: the longest language root its path starts with. */
function languageOf(url) {
  var path = new URL(url).pathname.slice(new URL(self.registration.scope).pathname.length);
  var found = null;
  Object.keys(ROOTS).forEach(function (code) {
    if (path.indexOf(ROOTS[code]) === 0 && (found === null || ROOTS[code].length > ROOTS[found].length)) found = code;
  });
  return found;
}

/* A response as it can be stored and served to a navigation: not marked as redirected. */
function plain(response) {
  if (!response || !response.redirected) return response;
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
}

function download(address) {
  var controller = new AbortController();
  var timer = setTimeout(function () { controller.abort(); }, TIMEOUT);
  return fetch(new Request(siteUrl(address), { cache: "reload", signal: controller.signal }))
    .then(function (response) {
      if (!response.ok) throw new Error(address + ": " + response.status);
      return plain(response);
    })
    .finally(function () { clearTimeout(timer); });
}

/* This version's copy of a language: every file downloaded first, then stored; all or nothing. */
function save(language) {
  return download(ROOTS[language] + "offline.json")
    .then(function (response) { return response.json(); })
    .then(function (manifest) {
      if (manifest.version !== VERSION) throw new Error("offline.json is of another version");
      return Promise.all(manifest.files.map(function (address) {
        return download(address).then(function (response) { return [siteUrl(address), response]; });
      }));
    })
    .then(function (responses) {
      return caches.open(cacheName(VERSION, language)).then(function (cache) {
        return Promise.all(responses.map(function (pair) { return cache.put(pair[0], pair[1]); }));
      });
    });
}

/* Bring every saved language to this version; a failed download keeps the old copy. */
function refresh() {
  return ownCaches().then(function (own) {
    var current = own.filter(function (c) { return c.version === VERSION; }).map(function (c) { return c.language; });
    var stale = own.filter(function (c) { return current.indexOf(c.language) < 0; }).map(function (c) { return c.language; });
    return Promise.all(stale.filter(function (language, i) { return stale.indexOf(language) === i; })
      .map(function (language) { return save(language).catch(function () {}); }));
  });
}

/* Delete the copies this version replaced; keep a language's old copy only while it has no new one. */
function tidy() {
  return ownCaches().then(function (own) {
    var current = own.filter(function (c) { return c.version === VERSION; }).map(function (c) { return c.language; });
    return Promise.all(own.filter(function (c) {
      return c.version !== VERSION && current.indexOf(c.language) >= 0;
    }).map(function (c) { return caches.delete(c.name); }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(refresh().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(tidy().then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "update") event.waitUntil(refresh().then(tidy));
});

/* The saved answer for a request. A page comes from its own language's copy only (this version's
   first); a file the pages share (styles, scripts) from any saved copy. */
function fromCache(request) {
  var language = languageOf(request.url), page = request.mode === "navigate";
  return ownCaches().then(function (own) {
    var copies = own.filter(function (c) { return !page || c.language === language; }).sort(function (a, b) {
      return (b.language === language) - (a.language === language) || (b.version === VERSION) - (a.version === VERSION);
    });
    return copies.reduce(function (answer, copy) {
      return answer.then(function (found) {
        return found || caches.open(copy.name).then(function (cache) {
          return cache.match(request).then(function (exact) { return exact || cache.match(request, { ignoreSearch: true }); });
        });
      });
    }, Promise.resolve(undefined)).then(function (found) {
      if (found || !page || !copies.length) return found;
      return caches.open(copies[0].name).then(function (cache) { return cache.match(siteUrl(ROOTS[language] + "404.html")); });
    });
  }).then(plain);
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
