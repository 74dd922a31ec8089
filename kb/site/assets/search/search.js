/* kb: Korean queries for MkDocs Material's search box.
 *
 * Material's search worker receives the query as {type: 2, data: "..."}.
 * Before it is posted, this script rewrites the query into the terms the
 * search index holds (see kb/site/search.py): each Korean word is split into
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
    var byLength = {};
    terms.forEach(function (t) {
      longest = Math.max(longest, t.length);
      (byLength[t.length] = byLength[t.length] || []).push(t);
    });
    return {
      terms: terms,
      byLength: byLength,
      stop: new Set(data.stop || []),
      endings: data.endings || [],
      longest: longest
    };
  }

  /* Hangul syllables: (initial * 21 + medial) * 28 + final, from U+AC00 */
  var MEDIAL_BASE = { 9: 8, 14: 13, 6: 20, 1: 0, 10: 11 }; /* ㅘㅗ ㅝㅜ ㅕㅣ ㅐㅏ ㅙㅚ */

  /* A verb stem hidden in a contracted syllable: 바꿔 -> 바꾸, 됐 -> 되, 했 -> 하 */
  function stems(ch) {
    var code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) return [ch];
    var out = [ch];
    var final = code % 28;
    if (final !== 0 && final !== 20) return out;
    var open = code - final;
    if (final === 20) out.push(String.fromCharCode(0xac00 + open));
    var medial = Math.floor(open / 28) % 21;
    if (medial in MEDIAL_BASE)
      out.push(String.fromCharCode(0xac00 + open + (MEDIAL_BASE[medial] - medial) * 28));
    return out;
  }

  function jamo(word) {
    var out = [];
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i) - 0xac00;
      if (code < 0 || code > 11171) { out.push(word[i]); continue; }
      out.push("i" + Math.floor(code / 588), "m" + Math.floor(code / 28) % 21);
      if (code % 28) out.push("f" + (code % 28));
    }
    return out;
  }

  function distance(a, b) {
    var prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++)
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = cur;
    }
    return prev[b.length];
  }

  /* The vocabulary term a misspelt word most likely meant: one jamo off, with
     the same first syllable; in a two-syllable word only a vowel or a final
     consonant may differ (중간 is not a misspelling of 중단). */
  function nearest(chunk) {
    for (var len = Math.min(chunk.length, vocab.longest); len >= 2; len--) {
      var piece = chunk.slice(0, len);
      var head = jamo(piece);
      var found = (vocab.byLength[len] || []).find(function (t) {
        if (t[0] !== piece[0] || vocab.stop.has(t)) return false;
        var other = jamo(t);
        if (distance(head, other) > 1) return false;
        return len > 2 || sameInitials(piece, t);
      });
      if (found) return found;
    }
    return null;
  }

  function sameInitials(a, b) {
    for (var i = 0; i < a.length; i++)
      if (Math.floor((a.charCodeAt(i) - 0xac00) / 588) !== Math.floor((b.charCodeAt(i) - 0xac00) / 588))
        return false;
    return true;
  }

  function stripEnding(word) {
    for (var i = 0; i < vocab.endings.length; i++) {
      var e = vocab.endings[i];
      if (word.length > e.length && word.slice(-e.length) === e) return word.slice(0, -e.length);
    }
    return word;
  }

  /* The cheapest split of a Hangul word into vocabulary terms. */
  function segment(word) {
    var n = word.length;
    var best = [{ cost: 0, parts: [] }];
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue;
      /* an unknown syllable before any term may be a misspelt word; after one,
         it is most likely part of an ending, which is cheap to leave out */
      var known = best[i].parts.some(function (p) { return p.term; });
      relax(best, i + 1, best[i].cost + (known ? 1 : 3),
            best[i].parts.concat([{ unknown: word[i] }]));
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

  function koreanTerms(word) {
    var bare = stripEnding(word);
    if (vocab.stop.has(word) || vocab.stop.has(bare)) return [];
    var out = [];
    segment(word).forEach(function (p, k) {
      if (p.term) out.push(p.term);
      else if (k === 0) {
        /* an unknown start: a misspelling, or a word the KB never uses */
        var chunk = stripEnding(p.unknown);
        var guess = chunk.length >= 2 && !vocab.stop.has(chunk) ? nearest(chunk) : null;
        if (guess) out.push(guess);
      }
      /* unknown syllables after a term are particles and endings */
    });
    return out;
  }

  /* A number and its counter, read as kb/search/analysis.py reads them (NUMBER_COUNTER):
     1일권 -> 1 일 1일 1일권 권; 2만 원 and 20,000원 -> 20000 원 20000원 */
  var NUMBER_COUNTER = new RegExp(
    "(^|[^\\d,a-z])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:(만|천)\\s?)?" +
    "(영업일|개월|시간|주일|포인트|자리|일|주|달|년|분|초|원|회|번|명|인|대|개|건|장|차|월|시|살|세)" +
    "(권|짜리|전|후|째|간|당)?", "g");
  var MULTIPLIERS = { "만": 10000, "천": 1000 };

  function counterTerms(digits, multiplier, counter, suffix) {
    var value = String(parseInt(digits.replace(/,/g, ""), 10) * (MULTIPLIERS[multiplier] || 1));
    var out = [value, counter, value + counter];
    if (suffix === "권") out.push(value + counter + suffix);
    if (suffix === "권" || suffix === "전" || suffix === "후") out.push(suffix);
    return out.filter(function (t) { return !vocab.stop.has(t); });
  }

  function rewrite(query) {
    var text = query.normalize("NFC").toLowerCase();
    var terms = [];
    var ids = text.match(/[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+/g) || [];
    ids.forEach(function (id) { terms.push(id.replace(/-/g, "_") + "_"); });
    text = text.replace(NUMBER_COUNTER, function (all, before, digits, multiplier, counter, suffix) {
      counterTerms(digits, multiplier, counter, suffix).forEach(function (t) { terms.push(t + "^1"); });
      return before + " ";
    });
    var words = text.match(/[\uac00-\ud7a3]+|[a-z0-9]+/g) || [];
    words.forEach(function (word) {
      if (!/[\uac00-\ud7a3]/.test(word)) {
        if (!vocab.stop.has(word)) terms.push(word + "^1");
        return;
      }
      koreanTerms(word).forEach(function (t) { terms.push(t + "^1"); });
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
