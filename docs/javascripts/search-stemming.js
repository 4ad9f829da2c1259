/*
 * Swedish stemming for Material for MkDocs' search.
 *
 * Material appends "*" to every search term (search as you type), and lunr
 * skips the stemmer for wildcard terms. The index is stemmed ("europeiska" is
 * stored as "europeisk"), so an inflected query such as "beredningsgruppen"
 * would find nothing. For every plain word we therefore also send an exact,
 * stemmed clause ("beredningsgruppen^1"; Material leaves boosted terms alone),
 * keeping the prefix clause for search as you type.
 *
 * Message type 2 is Material's search query to its worker
 * (assets/javascripts/workers/search.*.js).
 */
(function () {
  "use strict";
  var QUERY = 2;
  var WORD = /^[\p{L}\p{N}]+$/u;

  function expand(query) {
    var extra = query.trim().split(/\s+/).filter(function (term) {
      return WORD.test(term);
    }).map(function (term) {
      return term + "^1";
    });
    return extra.length ? query + " " + extra.join(" ") : query;
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = Object.assign({}, message, { data: expand(message.data) });
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };
})();
