/**
 * The user guide's search, run in the reader's browser (served as /docs/search.js, no CDN): it
 * fetches the language's index (search-index.ts) on first use and lists the pages holding every
 * word typed, accents and case aside, titles first, each with the passage where it matched. Its
 * words come from the page (data-* of the results list), so it has no language of its own; what it
 * shows is set as text, never as HTML.
 */
export const docSearchScript = `(function () {
  'use strict';
  var form = document.getElementById('doc-search');
  var results = document.getElementById('doc-search-results');
  if (!form || !results) return;
  var input = form.querySelector('input');
  var lang = document.documentElement.lang;
  var loading = null;
  var index = [];
  function fold(s) {
    return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  }
  function load() {
    if (!loading)
      loading = fetch('/docs/' + lang + '/search-index.json')
        .then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then(function (entries) {
          index = entries.map(function (e) {
            return { entry: e, title: fold(e.title), text: fold(e.text) };
          });
        })
        .catch(function () {
          loading = null;
          throw new Error('index');
        });
    return loading;
  }
  function count(haystack, word) {
    var n = 0;
    for (var at = haystack.indexOf(word); at !== -1 && n < 20; at = haystack.indexOf(word, at + word.length)) n++;
    return n;
  }
  function passage(item, word) {
    var text = item.entry.text;
    var at = item.text.length === text.length ? item.text.indexOf(word) : -1;
    if (at === -1) return text.slice(0, 160) + (text.length > 160 ? '…' : '');
    var start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 60)) + 1);
    var end = Math.min(text.length, at + 100);
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }
  function search(query) {
    var words = fold(query).split(/\\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return index
      .filter(function (item) {
        return words.every(function (w) {
          return item.title.indexOf(w) !== -1 || item.text.indexOf(w) !== -1;
        });
      })
      .map(function (item) {
        var score = 0;
        words.forEach(function (w) {
          score += (item.title.indexOf(w) !== -1 ? 100 : 0) + count(item.text, w);
        });
        return { item: item, score: score, word: words[0] };
      })
      .sort(function (a, b) {
        return b.score - a.score;
      })
      .slice(0, 20);
  }
  function say(template, query, n) {
    return template.replace('{query}', query).replace('{count}', String(n));
  }
  function show(query) {
    results.textContent = '';
    if (query.trim().length < 2) {
      results.hidden = true;
      return;
    }
    var found = search(query);
    var heading = document.createElement('p');
    heading.className = 'search-summary';
    heading.textContent = say(found.length ? results.dataset.found : results.dataset.none, query.trim(), found.length);
    results.appendChild(heading);
    var list = document.createElement('ol');
    found.forEach(function (f) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '/docs/' + lang + (f.item.entry.page === 'index' ? '' : '/' + f.item.entry.page);
      a.textContent = f.item.entry.title;
      var p = document.createElement('p');
      p.textContent = passage(f.item, f.word);
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    results.appendChild(list);
    results.hidden = false;
  }
  function run() {
    var query = input.value;
    load().then(
      function () {
        if (input.value === query) show(query);
      },
      function () {
        results.textContent = results.dataset.failed;
        results.hidden = false;
      },
    );
  }
  input.addEventListener('input', run);
  input.addEventListener('focus', function () {
    load().catch(function () {});
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run();
  });
})();
`;
