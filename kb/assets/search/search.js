/* kb: Korean queries for MkDocs Material's search box.
 *
 * Material's search worker receives the query as {type: 2, data: "..."}.
 * Before it is posted, this script rewrites the query into the terms the
 * search index holds (see kb/sitesearch.py): each Korean word is split into
 * vocabulary terms by the cheapest segmentation (fewest unknown syllables,
 * then fewest terms), particles and endings left over at the end of a word
 * are dropped, contracted verb forms are undone (바꿔 -> 바꾸, 됐 -> 되), and
 * clause ids are matched whole. The reader still sees what they typed.
 */
(function () {
  "use strict";
  if (window.kbSearch) return; /* Material's instant navigation may re-run scripts */

  var QUERY = 2; /* Material's SearchMessageType.QUERY */
  var here = document.currentScript && document.currentScript.src;
  var url = new URL("../../../search/kb_vocab.json", here || location.href);
  var vocab = null;
  var ready = fetch(url)
    .then(function (response) { return response.json(); })
    .then(function (data) { vocab = prepare(data); })
    .catch(function () { vocab = prepare({ terms: [], stop: [] }); });

  function prepare(data) {
    var terms = new Set(data.terms || []);
    var longest = 1;
    terms.forEach(function (t) { longest = Math.max(longest, t.length); });
    return { terms: terms, stop: new Set(data.stop || []), longest: longest };
  }

  /* Hangul syllables: (initial * 21 + medial) * 28 + final, from U+AC00 */
  var MEDIAL_BASE = { 9: 8, 14: 13, 6: 20, 1: 0, 10: 11 }; /* ㅘㅗ ㅝㅜ ㅕㅣ ㅐㅏ ㅙㅚ */

  function stems(ch) {
    var code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) return [ch];
    var out = [ch];
    var final = code % 28;
    var base = code - final;
    if (final === 20) out.push(String.fromCharCode(0xac00 + base)); /* 했 -> 해 */
    var medial = Math.floor(base / 28) % 21;
    if (medial in MEDIAL_BASE)
      out.push(String.fromCharCode(0xac00 + base + (MEDIAL_BASE[medial] - medial) * 28));
    return out;
  }

  /* The cheapest split of a Hangul word into vocabulary terms. */
  function segment(word) {
    var n = word.length;
    var best = [{ cost: 0, parts: [] }];
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue;
      relax(best, i + 1, best[i].cost + 3, best[i].parts.concat([{ unknown: word[i] }]));
      /* a one-syllable term only opens a word: elsewhere it is an ending */
      for (var len = Math.min(vocab.longest, n - i); len >= (i === 0 ? 1 : 2); len--) {
        var piece = word.substr(i, len);
        var head = piece.slice(0, -1);
        var forms = stems(piece[len - 1]).map(function (c) { return head + c; });
        for (var f = 0; f < forms.length; f++) {
          var term = forms[f];
          if (vocab.terms.has(term) && !vocab.stop.has(term)) {
            relax(best, i + len, best[i].cost + (len === 1 ? 2 : 1),
                  best[i].parts.concat([{ term: term }]));
            break;
          }
        }
      }
    }
    return merge(best[n].parts);
  }

  function relax(best, at, cost, parts) {
    if (!best[at] || cost < best[at].cost) best[at] = { cost: cost, parts: parts };
  }

  /* Adjacent unknown syllables form one chunk. */
  function merge(parts) {
    var out = [];
    parts.forEach(function (p) {
      var last = out[out.length - 1];
      if (p.unknown && last && last.unknown !== undefined) last.unknown += p.unknown;
      else out.push(p.unknown ? { unknown: p.unknown } : p);
    });
    return out;
  }

  function rewrite(query) {
    var text = query.normalize("NFC").toLowerCase();
    var terms = [];
    var ids = text.match(/[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+/g) || [];
    ids.forEach(function (id) { terms.push(id.replace(/-/g, "_") + "_"); });
    var words = text.match(/[\uac00-\ud7a3]+|[a-z0-9]+/g) || [];
    words.forEach(function (word) {
      if (!/[\uac00-\ud7a3]/.test(word)) {
        if (!vocab.stop.has(word)) terms.push(word + "^1");
        return;
      }
      var parts = segment(word);
      parts.forEach(function (p, k) {
        if (p.term) terms.push(p.term + "^1");
        else if (k === 0 && p.unknown.length >= 2)
          terms.push(p.unknown.length >= 3 ? p.unknown + "~1" : p.unknown);
        /* unknown syllables after a term are particles and endings */
      });
    });
    var unique = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
    return unique.join(" ");
  }

  /* What was asked and answered, for tests and the evaluation script */
  var state = { ready: ready, sent: 0, received: 0, query: null, rewritten: null };
  state.rewrite = function (q) { return rewrite(q); };
  var watched = new WeakSet();

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var rest = Array.prototype.slice.call(arguments, 1);
    var worker = this;
    if (!message || message.type !== QUERY || typeof message.data !== "string")
      return post.apply(worker, [message].concat(rest));
    if (!watched.has(worker)) {
      watched.add(worker);
      worker.addEventListener("message", function (ev) {
        if (ev.data && ev.data.type === QUERY + 1) state.received++;
      });
    }
    var send = function () {
      var data = message.data.trim() ? rewrite(message.data) || message.data : message.data;
      state.sent++;
      state.query = message.data;
      state.rewritten = data;
      post.apply(worker, [{ type: message.type, data: data }].concat(rest));
    };
    if (vocab) send();
    else ready.then(send);
  };

  window.kbSearch = state;
})();
