/* Answersite search: the same tokenizer and scoring as io.answersite.search (SearchTokenizer,
   SearchEngine), over the sharded index in /search/<lang>/. No server, no CDN: static files only. */
(function () {
  'use strict';
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{Nd}_]/u;

  function tokens(text) {
    var normalized = text.normalize('NFKC').toLowerCase();
    var out = [], word = '', cjk = [];
    function flushWord() {
      if (!word) return;
      out.push(word);
      if (word.indexOf('_') >= 0) word.split('_').forEach(function (p) { if (p) out.push(p); });
      word = '';
    }
    function flushCjk() {
      if (cjk.length === 1) out.push(cjk[0]);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk[i] + cjk[i + 1]);
      cjk = [];
    }
    for (var ch of normalized) {
      if (CJK.test(ch)) { flushWord(); cjk.push(ch); }
      else if (WORD.test(ch)) { flushCjk(); word += ch; }
      else { flushWord(); flushCjk(); }
    }
    flushWord(); flushCjk();
    return out;
  }

  function isWord(token) { return token.length > 0 && !CJK.test(Array.from(token)[0]); }

  function shard(token, shards) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) { hash ^= token.charCodeAt(i); hash = Math.imul(hash, 0x01000193); }
    return (hash & 0x7fffffff) % shards;
  }

  function distance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, d[i - 1][j] + 1, d[i][j - 1] + 1);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  function Engine(base) {
    this.base = base;
    this.cache = {};
  }
  Engine.prototype.load = function (file) {
    if (!this.cache[file]) {
      this.cache[file] = fetch(this.base + file).then(function (r) {
        if (!r.ok) throw new Error(file + ': ' + r.status);
        return r.json();
      });
    }
    return this.cache[file];
  };
  Engine.prototype.search = async function (query, limit) {
    var self = this;
    var manifest = await this.load('manifest.json');
    var seenTokens = {}, list = [];
    tokens(query).forEach(function (t) { if (!seenTokens[t]) { seenTokens[t] = 1; list.push(t); } });
    var scores = new Map();
    for (var token of list) {
      var variants = [token], factor = 1;
      var shardData = await self.load('t-' + shard(token, manifest.shards) + '.json');
      if (!shardData[token] && isWord(token) && token.length >= 4) {
        var allowed = token.length >= 8 ? 2 : 1;
        var vocab = await self.load('vocab.json');
        variants = vocab.filter(function (w) { return Math.abs(w.length - token.length) <= allowed && distance(token, w) <= allowed; });
        factor = 0.8;
      }
      var seen = new Set();
      for (var variant of variants) {
        var postings = (await self.load('t-' + shard(variant, manifest.shards) + '.json'))[variant];
        if (!postings) continue;
        var idf = Math.log(1 + manifest.docs / postings.length);
        for (var p of postings) {
          var s = scores.get(p[0]);
          if (!s) { s = [0, 0]; scores.set(p[0], s); }
          s[0] += factor * idf * p[1];
          if (!seen.has(p[0])) { seen.add(p[0]); s[1] += 1; }
        }
      }
    }
    var total = Math.max(list.length, 1);
    function final(s) { var share = Math.min(1, s[1] / total); return s[0] * share * share; }
    var ranked = Array.from(scores.entries()).sort(function (a, b) {
      var d = final(b[1]) - final(a[1]);
      return d !== 0 ? d : a[0] - b[0];
    }).slice(0, limit);
    var hits = [];
    for (var entry of ranked) {
      var rows = await self.load('d-' + Math.floor(entry[0] / manifest.chunk) + '.json');
      var row = rows[entry[0] % manifest.chunk];
      hits.push({ url: row[0], title: row[1], kind: row[2], snippet: row[3], score: final(entry[1]) });
    }
    return { hits: hits, tokens: list };
  };

  function highlight(text, list) {
    var escaped = text.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
    var words = list.filter(function (t) { return t.length > 1 || CJK.test(t); })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); })
      .sort(function (a, b) { return b.length - a.length; });
    if (!words.length) return escaped;
    return escaped.replace(new RegExp('(' + words.join('|') + ')', 'giu'), '<mark>$1</mark>');
  }

  window.AnswersiteSearch = { tokens: tokens, shard: shard, Engine: Engine };

  var form = document.getElementById('search-form');
  var results = document.getElementById('search-results');
  if (!form || !results) return;
  var input = form.querySelector('input[type=search]');
  var status = document.getElementById('search-status');
  var engine = new Engine(form.getAttribute('data-index'));
  var messages = { none: form.getAttribute('data-none'), count: form.getAttribute('data-count') };

  async function run(query) {
    results.innerHTML = '';
    if (!query.trim()) { status.textContent = ''; return; }
    var found = await engine.search(query, 20);
    status.textContent = found.hits.length ? messages.count.replace('{n}', found.hits.length) : messages.none;
    found.hits.forEach(function (hit) {
      var li = document.createElement('li');
      li.className = 'card search-hit';
      li.innerHTML = '<a class="card-title" href="' + hit.url.replace(/"/g, '&quot;') + '">' + highlight(hit.title, found.tokens)
        + '</a> <span class="kind-label">' + highlight(hit.kind, []) + '</span><p class="card-text">'
        + highlight(hit.snippet, found.tokens) + '</p>';
      results.appendChild(li);
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    run(input.value);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var first = results.querySelector('a');
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  results.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(results.querySelectorAll('a'));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(initial); }
})();
