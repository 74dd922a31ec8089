/* kb: the site's search box, ranked exactly as `kb search` ranks.
 *
 * kb's own box and result list (no Material objects touched): `/` focuses it,
 * arrows move, Enter opens, each answer result has a copy button with the
 * placeholder fill-in of fill.js. Searches on `input` (a mouse paste) as well
 * as on keyup (a Korean IME may send no input event for the last syllable).
 *
 * 1. Analysis: each Korean word is split into the index's terms by the
 *    cheapest segmentation (vocab.json), particles and endings dropped,
 *    contractions undone (바꿔 -> 바꾸), a misspelt word also mapped to the term
 *    one jamo away; ids, numbers with counters and syllable pairs as in
 *    kb/search/analysis.py.
 * 2. Ranking: the per-term postings kb/search/postings.py wrote at build time,
 *    fetched by shard, added up and re-ranked as kb/search/query.py's rank().
 */
(function () {
  "use strict";
  if (window.kbSearch) return; /* instant navigation may re-run scripts */

  var here = document.currentScript && document.currentScript.src;
  var root = new URL("../../../", here || location.href);
  var base = new URL("search/kb/", root);
  var meta = null, vocab = null, started = null;
  var shards = new Map(); /* shard number -> Promise of its terms */
  var state = { query: null, shown: null, ids: [], noGood: false, searches: 0 };

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  /* A file fetched once and kept; a failed fetch is forgotten, so the next
     search asks again (a dropped connection, or `kb serve` swapping the
     files mid-read, must not break search until the page is reloaded). */
  function cached(map, key, url) {
    if (!map.has(key)) {
      map.set(key, getJSON(url).catch(function (error) {
        map.delete(key);
        throw error;
      }));
    }
    return map.get(key);
  }

  function start() {
    if (!started) {
      started = getJSON(new URL("meta.json", base)).then(function (m) {
        meta = m;
        return getJSON(new URL("vocab.json?v=" + m.version, base));
      }).then(function (data) { vocab = prepare(data); }, function (error) {
        started = null;
        throw error;
      });
    }
    return started;
  }

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
  var FINAL_M = 16, FINAL_S = 19, FINAL_SS = 20; /* ㅁ, ㅅ, ㅆ as the last consonant */
  var FINAL_L = 8; /* ㄹ: 눌 of 눌러, the contracted 누르 */
  var REU_ENDINGS = ["러", "라", "렀", "랐"];

  /* A verb stem hidden in a contracted syllable (바꿔 -> 바꾸, 됐 -> 되, 했 -> 하),
     also with ㅅ typed for ㅆ as chat often does (졋 -> 지, 햇 -> 하); and, in the
     last syllable of a word, in the -ㅁ chat sentences end with (나감 -> 나가,
     넘어짐 -> 넘어지, 됨 -> 되; inside a word ㅁ is the noun's own: 요금) */
  function stems(ch, last) {
    var code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) return [ch];
    var out = [ch];
    var final = code % 28;
    if (final !== 0 && final !== FINAL_S && final !== FINAL_SS && !(last && final === FINAL_M))
      return out;
    var open = code - final;
    if (final) out.push(String.fromCharCode(0xac00 + open));
    var medial = Math.floor(open / 28) % 21;
    if (medial in MEDIAL_BASE)
      out.push(String.fromCharCode(0xac00 + open + (MEDIAL_BASE[medial] - medial) * 28));
    return out;
  }

  /* querytext.forms: the stems of the last syllable, and first the 르 verb a
     piece contracts (눌러 -> 누르); not the 달 of 달라 (mostly 달다 in chat) */
  function forms(piece, last) {
    var head = piece.slice(0, -1);
    var out = stems(piece[piece.length - 1], last).map(function (c) { return head + c; });
    if (piece.length > 1 && REU_ENDINGS.indexOf(piece[piece.length - 1]) >= 0 &&
        piece[piece.length - 2] !== "달") {
      var code = piece.charCodeAt(piece.length - 2) - 0xac00;
      if (code >= 0 && code <= 11171 && code % 28 === FINAL_L)
        out.unshift(piece.slice(0, -2) + String.fromCharCode(0xac00 + code - FINAL_L) + "르");
    }
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
      var known = best[i].parts.some(function (p) { return p.term || p.stop; });
      relax(best, i + 1, best[i].cost + (known ? 1 : 3),
            best[i].parts.concat([{ unknown: word[i] }]));
      /* a one-syllable term only opens a word: elsewhere it is an ending; a stop
         word of two syllables or more is a known piece that gives no term */
      for (var len = Math.min(vocab.longest, n - i); len >= (i === 0 ? 1 : 2); len--) {
        var candidates = forms(word.substr(i, len), i + len === n);
        for (var f = 0; f < candidates.length; f++) {
          var term = candidates[f];
          if (len > 1 && vocab.stop.has(term)) {
            relax(best, i + len, best[i].cost + 1, best[i].parts.concat([{ stop: term }]));
            break;
          }
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

  function koreanTerms(word, groups) {
    var bare = stripEnding(word);
    if (vocab.stop.has(word) || vocab.stop.has(bare)) return [];
    var out = [];
    segment(word).forEach(function (p, k) {
      if (p.term) out.push(p.term);
      else if (k === 0 && p.unknown !== undefined) {
        /* an unknown start: a misspelling, or a word the KB never uses. Kept
           as kb search keeps it (an unknown word turns on syllable pairs and
           counts against a good match), and its nearest term is added. */
        var chunk = stripEnding(p.unknown);
        if (chunk.length < 2 || vocab.stop.has(chunk)) return;
        out.push(chunk);
        var guess = nearest(chunk);
        if (guess) { out.push(guess); groups.push([guess, chunk]); }
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
    return out;
  }

  /* querytext._number: the whole term, then its pieces (1일권 -> 1일권 1 일 1일) */
  function numberGroup(terms, suffix) {
    return suffix === "권" ? [terms[3], terms[0], terms[1], terms[2]] : [terms[2], terms[0], terms[1]];
  }

  /* An amount in units, as analysis.AMOUNT reads it: 만오천원, 1만2천원 -> 15000 12000 */
  var AMOUNT = new RegExp(
    "(?<![\\uac00-\\ud7a3\\d,.])(?:(\\d+|[일이삼사오육칠팔구])?(만)\\s?)?" +
    "(?:(\\d+|[일이삼사오육칠팔구])?(천)\\s?)?(?:(\\d+|[일이삼사오육칠팔구])?(백)\\s?)?원", "g");
  var UNITS = { "만": 10000, "천": 1000, "백": 100 };
  var KOREAN_DIGITS = "일이삼사오육칠팔구";

  /* analysis.amount: the value in digits, or null where no unit was written */
  function amount(parts) {
    var total = 0;
    for (var k = 0; k < parts.length; k += 2) {
      var number = parts[k], unit = parts[k + 1];
      if (!unit) continue;
      var count = !number ? 1 : /^\d+$/.test(number) ? parseInt(number, 10)
        : KOREAN_DIGITS.indexOf(number) + 1;
      total += count * UNITS[unit];
    }
    return total ? String(total) : null;
  }

  /* A native number before a counter, as analysis.NATIVE reads it: 두 번 -> 2번 번 */
  var NATIVE = new RegExp(
    "(?<![\\uac00-\\ud7a3])(다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)\\s?(번|개|명|시간|달|대|장|살)",
    "g");
  var NATIVE_NUMBERS = { "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
                         "여덟": 8, "아홉": 9, "열": 10 };

  /* 1:1 and 10:30 are one term, as analysis.RATIO reads them */
  var RATIO = /(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])/g;

  var ID = /[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+/g;

  function unique(list) {
    return list.filter(function (t, i) { return t !== "" && list.indexOf(t) === i; });
  }

  /* The query as kb/search/query.py's parse_query reads it: words, ids, syllable pairs. */
  function parse(query) {
    var text = query.normalize("NFC").trim();
    var lower = text.toLowerCase();
    var words = [], groups = [];
    var idents = lower.match(ID) || [];
    idents.forEach(function (id) { words.push(id); });
    if (/^[\p{L}\p{N}_./-]+$/u.test(text) && idents.indexOf(lower) < 0) idents.push(lower);
    /* an id's parts are words too (refund-3: refund, 3), as mecab reads them */
    var rest = lower.replace(ID, function (id) { return " " + id.replace(/[-_]/g, " ") + " "; });
    rest = rest.replace(RATIO, function (all) { words.push(all); return " "; });
    rest = rest.replace(AMOUNT, function (all, n1, u1, n2, u2, n3, u3) {
      var value = amount([n1, u1, n2, u2, n3, u3]);
      if (value === null) return all;
      words.push(value, "원", value + "원");
      groups.push([value + "원", value, "원"]);
      return " ";
    });
    rest = rest.replace(NATIVE, function (all, number, counter) {
      var value = String(NATIVE_NUMBERS[number]);
      words.push(value + counter, counter); /* no bare 1 for 한 번: noise */
      groups.push([value + counter, counter]);
      return " ";
    });
    rest = rest.replace(NUMBER_COUNTER,
      function (all, before, digits, multiplier, counter, suffix) {
        var terms = counterTerms(digits, multiplier, counter, suffix);
        terms.forEach(function (t) { words.push(t); });
        groups.push(numberGroup(terms, suffix));
        return before + " ";
      });
    (rest.match(/[\uac00-\ud7a3]+|[a-z0-9]+|[\u3131-\u314e]{2,}/g) || []).forEach(function (word) {
      if (/^[\u3131-\u314e]+$/.test(word)) {
        if (vocab.terms.has(word)) words.push(word); /* ㅅㅂ where the KB has it; ㅋㅋ is nothing */
      } else if (/[\uac00-\ud7a3]/.test(word)) {
        koreanTerms(word, groups).forEach(function (t) { words.push(t); });
      } else words.push(word);
    });
    var grams = [];
    (text.match(/[\uac00-\ud7a3]+/g) || []).forEach(function (run) {
      for (var i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
    });
    var kept = unique(words.filter(function (w) { return !vocab.stop.has(w); }));
    var once = [];
    groups.forEach(function (g) {
      if (kept.indexOf(g[0]) < 0) return;
      var group = [g[0]].concat(g.slice(1).filter(function (w) { return kept.indexOf(w) >= 0; }));
      var key = JSON.stringify(group);
      if (!once.some(function (o) { return JSON.stringify(o) === key; })) once.push(group);
    });
    return { words: kept, idents: unique(idents), grams: unique(grams), groups: once };
  }

  /* --- the index: shards of postings, fetched for a query's terms -------------- */

  /* FNV-1a over UTF-16 code units, as kb/search/postings.py's shard_of */
  function shardOf(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % meta.shards;
  }

  function shard(n) {
    return cached(shards, n, new URL("t/" + n + ".json?v=" + meta.version, base));
  }

  function lookup(terms) {
    var wanted = unique(terms.map(shardOf));
    return Promise.all(wanted.map(shard)).then(function (loaded) {
      var found = {};
      terms.forEach(function (t) {
        var data = loaded[wanted.indexOf(shardOf(t))];
        if (Object.prototype.hasOwnProperty.call(data, t)) found[t] = data[t];
      });
      return found;
    });
  }

  /* A term's entry: [weight, known, doc, word, gram, ident, flags, doc, ...] */
  var STRIDE = 5;

  function each(entry, fn) {
    for (var k = 2; k < entry.length; k += STRIDE)
      fn(entry[k], entry[k + 1], entry[k + 2], entry[k + 3], entry[k + 4]);
  }

  /* query.counted_once: a number with its counter, or an unknown word and the term
     it likely meant, counts once, by its first word where the KB has it; the
     others then count nothing towards the share */
  function countedOnce(words, idf, groups) {
    var out = new Map();
    words.forEach(function (w, k) { out.set(w, idf[k]); });
    groups.forEach(function (n) {
      if (out.get(n[0])) n.slice(1).forEach(function (p) { out.set(p, 0); });
    });
    return words.map(function (w) { return out.get(w); });
  }

  /* kb/search/query.py's rank(): whoosh's summed scores, the best candidates
     re-ranked by kind, by the share of the query's weight a document holds,
     and by the share its title holds. */
  function rank(parsed) {
    var limit = meta.limit;
    return lookup(parsed.words.concat(parsed.idents)).then(function (terms) {
      var known = parsed.words.every(function (w) { return terms[w] && terms[w][1]; });
      if (known || !parsed.grams.length) return [terms, known];
      return lookup(parsed.grams).then(function (g) { return [terms, known, g]; });
    }).then(function (got) {
      var terms = got[0], grams = got[2] || {};
      var raw = new Map(), kinds = new Map(), asked = new Set();
      function add(entry, slot) {
        if (!entry) return;
        each(entry, function (doc, w, g, i, flags) {
          var v = [w, g, i][slot];
          if (v > 0) {
            raw.set(doc, (raw.get(doc) || 0) + v);
            kinds.set(doc, (flags >> 2) & 3);
            if (slot === 2) asked.add(doc);
          }
        });
      }
      parsed.words.forEach(function (w) { add(terms[w], 0); });
      if (!got[1]) parsed.grams.forEach(function (g) { add(grams[g], 1); });
      parsed.idents.forEach(function (i) { add(terms[i], 2); });
      var candidates = Array.from(raw.keys()).sort(function (a, b) {
        return raw.get(b) - raw.get(a) || a - b;
      }).slice(0, Math.max(limit * meta.candidates, meta.min_candidates));
      var chosen = new Set(candidates);
      var idf = parsed.words.map(function (w) { return terms[w] ? terms[w][0] : 0; });
      var weights = countedOnce(parsed.words, idf, parsed.groups || []);
      var total = weights.reduce(function (a, b) { return a + b; }, 0);
      var unknown = meta.rarest * idf.filter(function (w) { return !w; }).length;
      var any = new Map(), title = new Map(), titleSyn = new Map();
      var asks = new Map(); /* doc -> the query weight each of its questions holds */
      function plus(map, doc, w) { map.set(doc, (map.get(doc) || 0) + w); }
      parsed.words.forEach(function (word, k) {
        if (!terms[word]) return;
        each(terms[word], function (doc, w, g, i, flags) {
          if (!chosen.has(doc)) return;
          plus(any, doc, weights[k]);
          if (flags & 1) plus(title, doc, weights[k]);
          if (flags & 2) plus(titleSyn, doc, weights[k]);
          var bits = flags >>> 4; /* postings.ASK_SHIFT: question j holds the word */
          if (!bits) return;
          if (!asks.has(doc)) asks.set(doc, []);
          var held = asks.get(doc);
          for (var j = 0; bits; j++, bits >>>= 1)
            if (bits & 1) held[j] = (held[j] || 0) + weights[k];
        });
      });
      function share(map, doc) { return total ? (map.get(doc) || 0) / total : 1.0; }
      /* query.asked_share: the most weight one question holds */
      function closest(doc) {
        var best = 0;
        (asks.get(doc) || []).forEach(function (v) { best = Math.max(best, v); });
        return total ? best / total : 0;
      }
      var scored = candidates.map(function (doc) {
        var everywhere = share(any, doc);
        var inTitle = (share(title, doc) + share(titleSyn, doc)) / 2;
        var factor = meta.kind_boosts[kinds.get(doc)] * Math.pow(0.5 + everywhere, 2) *
          (1 + meta.title_weight * inTitle) * (1 + meta.question_weight * closest(doc));
        var good = asked.has(doc) ||
          (total > 0 && everywhere * total / (total + unknown) >= meta.good);
        return { doc: doc, score: raw.get(doc) * factor, good: good };
      });
      scored.sort(function (a, b) { return b.score - a.score; }); /* stable, as Python's */
      return scored.slice(0, limit);
    });
  }

  var chunks = new Map();

  function rows(results) {
    var wanted = unique(results.map(function (r) { return Math.floor(r.doc / meta.chunk); }));
    var loading = wanted.map(function (n) {
      return cached(chunks, n, new URL("d/" + n + ".json?v=" + meta.version, base));
    });
    return Promise.all(loading).then(function (loaded) {
      return results.map(function (r) {
        var n = Math.floor(r.doc / meta.chunk);
        var row = loaded[wanted.indexOf(n)][r.doc % meta.chunk];
        return Object.assign({ score: r.score, good: r.good }, row);
      });
    });
  }

  function search(query) {
    return start().then(function () {
      var parsed = parse(query);
      state.words = parsed.words;
      if (!parsed.words.length && !parsed.idents.length && !parsed.grams.length) return [];
      if (window.KB_API && !apiDown) {
        return remote(query).catch(function () {
          apiDown = true; /* the static index answers from now on */
          return rank(parsed).then(rows);
        });
      }
      return rank(parsed).then(rows);
    });
  }

  /* The side panel with kb api (/panel/?api=URL): the same ranking, served
     warm, and only published answers; queries nobody could answer are logged
     there when the KB's config asks for it. */
  var apiDown = false;
  /* A link from the API opens only as a web page of this site: never `javascript:`. */
  function webLink(url) {
    try {
      var resolved = new URL(String(url || ""), root);
      return /^https?:$/.test(resolved.protocol) && resolved.origin === root.origin ? resolved.href : "";
    } catch (e) { return ""; }
  }
  function remote(query) {
    var url = window.KB_API + "/search?q=" + encodeURIComponent(query) + "&limit=" + meta.limit;
    return fetch(url, { mode: "cors", credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    }).then(function (data) {
      state.source = "api";
      return data.results.map(function (r) {
        var row = { k: r.kind, i: r.id, t: r.title, u: webLink(r.url), good: r.good !== false };
        if (r.kind === "answer" && typeof r.text === "string") row.c = r.text;
        else row.b = r.snippet;
        return row;
      });
    });
  }

  /* --- the box and the list -------------------------------------------------------- */

  /* The words shown, in the site's language: words.js, written by each build from kb's
     message catalogue (kb/messages.py, the js.* ids). */
  function word(key, values) {
    var text = (window.KB_WORDS || {})[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
  var LABELS = { answer: word("kind_answer"), clause: word("kind_clause"), manual: word("kind_manual") };
  var box, input, panel, list, status, active = -1, timer = null, asked = null, serial = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function mount() {
    box = el("div", "kb-search");
    box.setAttribute("role", "search");
    input = el("input", "kb-search__input");
    input.type = "search";
    input.placeholder = word("search_placeholder");
    input.setAttribute("aria-label", word("search_label"));
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-controls", "kb-search-results");
    input.setAttribute("aria-expanded", "false");
    panel = el("div", "kb-search__panel");
    panel.hidden = true;
    status = el("p", "kb-search__status");
    status.setAttribute("role", "status");
    list = el("ol", "kb-search__results");
    list.id = "kb-search-results";
    list.setAttribute("role", "listbox");
    panel.appendChild(status);
    panel.appendChild(list);
    box.appendChild(input);
    box.appendChild(panel);
    var header = document.querySelector(".md-header__inner");
    if (header) {
      var material = header.querySelector(".md-search");
      header.insertBefore(box, material || null);
    } else {
      var bar = el("div", "kb-search-bar");
      bar.appendChild(box);
      document.body.insertBefore(bar, document.body.firstChild);
    }
    document.documentElement.classList.add("kb-search-ready");
    if (pinned) { panel.hidden = false; input.focus(); }
    input.addEventListener("input", schedule);
    input.addEventListener("keyup", function (event) {
      if (!/^(Arrow|Enter|Escape|Tab)/.test(event.key)) schedule();
    });
    input.addEventListener("focus", function () { start(); if (list.children.length) open(true); });
    input.addEventListener("keydown", keys);
    /* `/` (and Material's own `s` and `f`) focus this box. Taken in the capture
       phase, so that the theme's hidden search does not open as well. */
    window.addEventListener("keydown", function (event) {
      if (!/^[/sf]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      var t = event.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      event.preventDefault();
      event.stopPropagation();
      input.focus();
      input.select();
    }, true);
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) open(false);
    });
  }

  var pinned = document.documentElement.hasAttribute("data-kb-panel"); /* /panel/: always open */
  function open(yes) {
    panel.hidden = !yes && !pinned;
    input.setAttribute("aria-expanded", yes ? "true" : "false");
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 30);
  }

  function run() {
    var query = input.value;
    if (query === asked) return;
    asked = query;
    state.query = query;
    var mine = ++serial;
    if (!query.trim()) { show(query, []); return; }
    search(query).then(function (found) {
      if (mine === serial) show(query, found);
    }, function (error) {
      if (mine !== serial) return;
      status.textContent = word("index_failed", { error: error.message });
      open(true);
    });
  }

  function show(query, found) {
    list.textContent = "";
    active = -1;
    state.noGood = !!query.trim() && !found.some(function (r) { return r.good; });
    if (!query.trim()) status.textContent = "";
    else if (state.noGood)
      status.textContent = meta.no_good_answer + ". " + word(found.length ? "partial" : "try_other");
    else status.textContent = "";
    status.hidden = !status.textContent;
    found.forEach(function (row, n) { list.appendChild(item(row, n)); });
    open(!!query.trim());
    state.ids = found.map(function (r) { return r.i; });
    state.shown = query;
    state.shownAt = performance.now();
    state.searches++;
  }

  function item(row, n) {
    var li = el("li", "kb-search__item" + (row.good ? "" : " kb-search__item--weak"));
    li.id = "kb-search-item-" + n;
    li.setAttribute("role", "option");
    li.setAttribute("data-kind", row.k);
    li.setAttribute("data-id", row.i);
    var a = el("a", "kb-search__link");
    a.href = new URL(row.u, root).href;
    var head = el("span", "kb-search__head");
    head.appendChild(el("span", "kb-search__kind", LABELS[row.k] || row.k));
    if (row.s) head.appendChild(el("span", "kb-search__status-badge", row.s));
    head.appendChild(el("strong", "kb-search__title", row.t));
    a.appendChild(head);
    a.appendChild(snippet(row.b || row.c, state.words));
    li.appendChild(a);
    if (row.k === "answer" && row.c && window.kbFill) {
      var send = el("div", "kb-search__send");
      var button = el("button", "kb-copy md-button md-button--primary", word("copy"));
      button.type = "button";
      button.setAttribute("data-copy", row.c);
      button.setAttribute("data-label", word("copy"));
      button.setAttribute("data-copied", word("copied"));
      button.setAttribute("data-failed", word("copy_failed"));
      send.appendChild(button);
      li.appendChild(send);
      window.kbFill.attach(button);
    }
    return li;
  }

  /* A window of the text around the first query word it holds, the words
     marked: kb/search/query.py's snippet(), by plain string matching. */
  function snippet(text, words) {
    var width = 120;
    text = (text || "").split(/\s+/).join(" ").trim();
    var span = el("span", "kb-search__snippet");
    var found = (words || []).filter(function (w) { return w.length > 1 && text.indexOf(w) >= 0; });
    if (!found.length) {
      span.textContent = text.length > width ? text.slice(0, width) + "…" : text;
      return span;
    }
    var first = Math.min.apply(null, found.map(function (w) { return text.indexOf(w); }));
    var start = Math.max(0, first - Math.floor(width / 3));
    var windowText = text.slice(start, start + width);
    found.sort(function (a, b) { return b.length - a.length; });
    var pattern = new RegExp(found.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|"), "g");
    if (start) span.appendChild(document.createTextNode("…"));
    var last = 0, m;
    while ((m = pattern.exec(windowText)) !== null) {
      span.appendChild(document.createTextNode(windowText.slice(last, m.index)));
      span.appendChild(el("mark", "", m[0]));
      last = m.index + m[0].length;
    }
    span.appendChild(document.createTextNode(windowText.slice(last)));
    if (start + width < text.length) span.appendChild(document.createTextNode("…"));
    return span;
  }

  function keys(event) {
    var items = list.children;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      open(true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      move((active + step + items.length) % items.length);
    } else if (event.key === "Enter") {
      if (event.isComposing) return;
      clearTimeout(timer);
      run();
      var target = items[active >= 0 ? active : 0];
      if (target && input.value === state.shown) {
        event.preventDefault();
        location.href = target.querySelector("a").href;
      }
    } else if (event.key === "Escape") {
      open(false);
      input.blur();
    }
  }

  function move(to) {
    if (active >= 0 && list.children[active]) list.children[active].removeAttribute("aria-selected");
    active = to;
    var li = list.children[active];
    li.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  }

  /* For tests and scripts/eval_search.py */
  state.parse = function (q) { return start().then(function () { return parse(q); }); };
  state.rank = function (parsed) {
    return start().then(function () { return rank(parsed); }).then(rows).then(function (found) {
      return found.map(function (r) { return { id: r.i, kind: r.k, score: r.score, good: r.good }; });
    });
  };
  state.search = function (q) {
    return search(q).then(function (found) { return found.map(function (r) { return r.i; }); });
  };
  window.kbSearch = state;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
