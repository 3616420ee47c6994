// The page of an mlpy profile (`mlpy run --profile --profile-output p.html`): reads the
// profile embedded in #profile-data and draws every section. Plain DOM and a canvas, no
// framework, nothing fetched. Names come from user programs: they are only ever set with
// textContent or drawn on the canvas, never parsed as HTML.
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('profile-data').textContent);
  var F = D.functions;
  var E = D.edges;
  var T = D.cct;
  var nF = F.name.length;
  var nN = T.function.length;
  var ROOT = nN; // the synthetic node above the top level ("all")
  var ROW = 18; // flame graph row height, CSS pixels
  var TABLE_LIMIT = 300;

  // ---- formatting ----
  function fmtTime(ns) {
    if (ns < 1e3) return ns + 'ns';
    if (ns < 999995) return (ns / 1e3).toFixed(2) + '\u00b5s';
    if (ns < 999995000) return (ns / 1e6).toFixed(2) + 'ms';
    return (ns / 1e9).toFixed(3) + 's';
  }
  function fmtBytes(n) {
    var k = 1024;
    if (n < k) return n + ' B';
    if (n < k * k * 0.99995) return (n / k).toFixed(1) + ' KB';
    if (n < k * k * k * 0.99995) return (n / k / k).toFixed(1) + ' MB';
    return (n / k / k / k).toFixed(2) + ' GB';
  }
  function fmtCount(n) { return Number(n).toLocaleString('en-US'); }
  function pct(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '-'; }
  function kindName(f) { return D.kinds[F.kind[f]]; }
  function where(f) {
    if (F.file[f]) return F.file[f] + ':' + F.line[f];
    return kindName(f) === 'phase' ? 'pipeline phase' : 'built-in';
  }
  function label(f) { return F.file[f] ? F.name[f] + ' (' + F.file[f] + ':' + F.line[f] + ')' : F.name[f]; }
  function callsText(calls, prim) { return calls === prim ? fmtCount(calls) : fmtCount(calls) + '/' + fmtCount(prim); }

  // ---- DOM helpers (text only) ----
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function row(cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) {
      if (c instanceof Node) {
        var td = document.createElement('td');
        td.appendChild(c);
        tr.appendChild(td);
      } else {
        tr.appendChild(el('td', c[0], c[1]));
      }
    });
    return tr;
  }
  function bar(part, whole) {
    var span = el('span', null, 'bar');
    span.style.width = Math.round(whole > 0 ? 120 * part / whole : 0) + 'px';
    return span;
  }
  function card(parent, labelText, value, sub) {
    var c = el('div', null, 'card');
    c.appendChild(el('div', labelText, 'label'));
    c.appendChild(el('div', value, 'value'));
    if (sub) c.appendChild(el('div', sub, 'sub'));
    parent.appendChild(c);
  }
  function fill(tbody, rows) {
    tbody.textContent = '';
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    tbody.appendChild(frag);
  }

  // ---- summary ----
  document.title = 'mlpy profile: ' + D.program;
  document.getElementById('program').textContent = D.program;
  document.getElementById('exporter').textContent = 'Written by ' + D.exporter + '. Times have the profiler\u2019s own cost subtracted.';
  var cards = document.getElementById('cards');
  card(cards, 'Total time', fmtTime(D.total_ns), 'every phase, execution included');
  card(cards, 'ML code', fmtTime(D.ml_ns), pct(D.ml_ns, D.total_ns) + ' of total (self time of ML functions)');
  card(cards, 'Peak memory', D.memory_tracked ? fmtBytes(D.peak_memory_bytes) : 'not tracked', D.memory_tracked ? 'live heap' : 'run with memory tracking');
  var cost = D.profiler;
  card(cards, 'Profiler cost', fmtTime(cost.subtracted_ns) + ' subtracted',
    fmtCount(cost.events) + ' events at ' + (cost.event_cost_ps / 1000).toFixed(1) + 'ns each (clock: ' + cost.clock + ')');
  var note = 'Functions: ' + fmtCount(nF) + '; call paths (calling-context nodes): ' + fmtCount(nN) + '.';
  if (D.timeline) {
    note += ' Timeline: ' + fmtCount(D.timeline.events) + ' events recorded' +
      (D.timeline.dropped > 0 ? ', ' + fmtCount(D.timeline.dropped) + ' dropped after the cap of ' + fmtCount(D.timeline.cap) : '') + '.';
  }
  document.getElementById('profiler-note').textContent = note;
  fill(document.querySelector('#categories tbody'), D.categories.map(function (c) {
    return row([[c[0]], [fmtTime(c[1]), 'num'], [pct(c[1], D.total_ns), 'num'], [D.memory_tracked ? fmtBytes(c[2]) : '-', 'num'], bar(c[1], D.total_ns)]);
  }));

  // ---- phases ----
  fill(document.querySelector('#phase-table tbody'), D.phases.map(function (p) {
    return row([[p[0]], [fmtTime(p[1]), 'num'], [pct(p[1], D.total_ns), 'num'], [D.memory_tracked ? fmtBytes(p[2]) : '-', 'num'], bar(p[1], D.total_ns)]);
  }));

  // ---- memory ----
  (function () {
    var mc = document.getElementById('memory-cards');
    if (!D.memory_tracked) {
      card(mc, 'Memory', 'not tracked', 'the run used --no-memory');
      document.getElementById('allocators').hidden = true;
      return;
    }
    var bytes = 0, count = 0, retained = 0, order = [];
    for (var f = 0; f < nF; f++) {
      bytes += F.alloc_bytes[f];
      count += F.alloc_count[f];
      retained += F.retained_bytes[f];
      if (F.alloc_bytes[f] > 0) order.push(f);
    }
    card(mc, 'Peak memory', fmtBytes(D.peak_memory_bytes), 'live heap at its highest');
    card(mc, 'Allocated', fmtBytes(bytes), fmtCount(count) + ' allocations');
    card(mc, 'Still live at exit', fmtBytes(retained), 'allocated by a function and retained');
    document.getElementById('allocators').hidden = order.length === 0;
    order.sort(function (a, b) { return F.alloc_bytes[b] - F.alloc_bytes[a] || a - b; });
    fill(document.querySelector('#allocators tbody'), order.slice(0, 15).map(function (f) {
      return row([[label(f), 'name'], [fmtBytes(F.alloc_bytes[f]), 'num'], [fmtCount(F.alloc_count[f]), 'num'],
        [fmtBytes(F.retained_bytes[f]), 'num'], bar(F.alloc_bytes[f], bytes)]);
    }));
  })();

  // ---- the calling-context tree ----
  var parent = new Int32Array(nN + 1);
  var childCount = new Int32Array(nN + 2);
  for (var i = 0; i < nN; i++) {
    parent[i] = T.parent1[i] > 0 ? T.parent1[i] - 1 : ROOT;
    childCount[parent[i] + 1]++;
  }
  parent[ROOT] = -1;
  var firstChild = new Int32Array(nN + 2);
  for (i = 0; i <= nN; i++) firstChild[i + 1] = firstChild[i] + childCount[i + 1];
  var children = new Int32Array(nN);
  var cursor = firstChild.slice();
  for (i = 0; i < nN; i++) children[cursor[parent[i]]++] = i;
  var depth = new Int32Array(nN + 1);
  for (i = 0; i < nN; i++) depth[i] = parent[i] === ROOT ? 1 : depth[parent[i]] + 1;
  var incl = new Float64Array(nN + 1);
  var start = new Float64Array(nN + 1);
  var weight = 'time';

  function layout() {
    incl.fill(0);
    var own = weight === 'time' ? T.self_ns : T.alloc_bytes;
    for (var i = nN - 1; i >= 0; i--) {
      incl[i] += own[i];
      incl[parent[i]] += incl[i];
    }
    // Children one after another from their parent's start (parents come first).
    start[ROOT] = 0;
    for (var p = -1; p < nN; p++) {
      var node = p < 0 ? ROOT : p;
      var at = start[node];
      for (var c = firstChild[node]; c < firstChild[node + 1]; c++) {
        start[children[c]] = at;
        at += incl[children[c]];
      }
    }
  }
  function funcOf(n) { return n === ROOT ? -1 : T.function[n]; }
  function nodeLabel(n) { return n === ROOT ? 'all (' + D.program + ')' : label(funcOf(n)); }
  function fmtWeight(v) { return weight === 'time' ? fmtTime(v) : fmtBytes(v); }

  // ---- flame graph ----
  var canvas = document.getElementById('flame-canvas');
  var wrap = document.getElementById('flame-wrap');
  var tooltip = document.getElementById('tooltip');
  var zoom = ROOT;
  var firstRow = 0; // the depth of the flame graph's top row
  var boxes = [];
  var match = null; // Uint8Array over functions, or null without a search
  var selected = -1;

  function hash(s) {
    var h = 0;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return Math.abs(h);
  }
  var HUES = { ml: [8, 50], native: [190, 40], method: [255, 35], phase: [95, 40] };
  function colour(n) {
    if (n === ROOT) return 'hsl(0, 0%, 78%)';
    var f = funcOf(n);
    var hue = HUES[kindName(f)] || [0, 0];
    var h = hue[0] + hash(F.name[f]) % hue[1];
    if (match && !match[f]) return 'hsl(' + h + ', 12%, 88%)';
    if (match) return 'hsl(300, 80%, 62%)';
    return 'hsl(' + h + ', 72%, ' + (58 + hash(F.file[f] + F.name[f]) % 12) + '%)';
  }

  function draw() {
    var cssW = Math.max(200, wrap.clientWidth - 2);
    var base = start[zoom];
    var span = incl[zoom] > 0 ? incl[zoom] : 1;
    var scale = cssW / span;
    boxes = [];
    // Chromium draws nothing on a canvas more than 32,767 pixels high (a recursion
    // 2,000 calls deep): the rows shown start a few above the zoomed node and stop at
    // what fits; deeper calls are left out (zoom in to see them) and the label says so.
    var dpr = window.devicePixelRatio || 1;
    var maxRows = Math.max(8, Math.floor(32000 / (ROW * dpr)));
    firstRow = zoom === ROOT ? 0 : Math.max(0, depth[zoom] - 4);
    var cut = false;
    var a = zoom;
    while (a !== -1) {
      var ad = a === ROOT ? 0 : depth[a];
      if (ad < firstRow) break;
      boxes.push({ n: a, x: 0, w: cssW, d: ad, anc: a !== zoom });
      a = a === ROOT ? -1 : parent[a];
    }
    var stack = [];
    for (var c = firstChild[zoom]; c < firstChild[zoom + 1]; c++) stack.push(children[c]);
    var maxDepth = zoom === ROOT ? 0 : depth[zoom];
    while (stack.length) {
      var n = stack.pop();
      var w = incl[n] * scale;
      if (w < 1) continue;
      if (depth[n] - firstRow >= maxRows) { cut = true; continue; }
      var x = (start[n] - base) * scale;
      boxes.push({ n: n, x: x, w: w, d: depth[n], anc: false });
      if (depth[n] > maxDepth) maxDepth = depth[n];
      for (c = firstChild[n]; c < firstChild[n + 1]; c++) stack.push(children[c]);
    }
    var cssH = (maxDepth - firstRow + 1) * ROW;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    canvas.style.width = cssW + 'px';
    canvas.style.height = cssH + 'px';
    var ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    var charW = ctx.measureText('m').width * 0.8;
    for (var b = 0; b < boxes.length; b++) {
      var box = boxes[b];
      var y = (box.d - firstRow) * ROW;
      ctx.fillStyle = colour(box.n);
      ctx.globalAlpha = box.anc ? 0.6 : 1;
      ctx.fillRect(box.x, y, Math.max(box.w - 0.5, 0.5), ROW - 1);
      ctx.globalAlpha = 1;
      if (selected >= 0 && funcOf(box.n) === selected) {
        ctx.strokeStyle = '#000';
        ctx.lineWidth = 2;
        ctx.strokeRect(box.x + 1, y + 1, Math.max(box.w - 2, 1), ROW - 3);
      }
      if (box.w > 24) {
        var text = box.n === ROOT ? 'all' : F.name[funcOf(box.n)];
        var fit = Math.floor((box.w - 6) / charW);
        if (text.length > fit) text = fit > 2 ? text.slice(0, fit - 1) + '\u2026' : '';
        if (text) {
          ctx.fillStyle = '#111';
          ctx.fillText(text, box.x + 3, y + ROW / 2);
        }
      }
    }
    document.getElementById('zoom-label').textContent = nodeLabel(zoom) +
      (cut ? ' (calls more than ' + maxRows + ' rows down are not drawn: click a box at the bottom to zoom in)' : '');
  }

  function boxAt(ev) {
    var rect = canvas.getBoundingClientRect();
    var x = ev.clientX - rect.left, d = Math.floor((ev.clientY - rect.top) / ROW) + firstRow;
    for (var b = boxes.length - 1; b >= 0; b--) {
      var box = boxes[b];
      if (box.d === d && x >= box.x && x < box.x + box.w) return box;
    }
    return null;
  }
  canvas.addEventListener('click', function (ev) {
    var box = boxAt(ev);
    if (!box) return;
    zoom = box.n === zoom && box.n !== ROOT ? (parent[box.n] === -1 ? ROOT : parent[box.n]) : box.n;
    if (box.n !== ROOT) select(funcOf(box.n), false);
    draw();
  });
  canvas.addEventListener('mousemove', function (ev) {
    var box = boxAt(ev);
    if (!box) { tooltip.hidden = true; return; }
    var n = box.n;
    var lines = [nodeLabel(n), 'total: ' + fmtWeight(incl[n]) + ' (' + pct(incl[n], incl[ROOT]) + ' of all)'];
    if (n !== ROOT) {
      var own = weight === 'time' ? T.self_ns[n] : T.alloc_bytes[n];
      lines.push('self: ' + fmtWeight(own));
      lines.push('calls on this path: ' + fmtCount(T.calls[n]));
    }
    tooltip.textContent = lines.join('\n');
    tooltip.hidden = false;
    var wr = wrap.getBoundingClientRect();
    var left = ev.clientX - wr.left + wrap.scrollLeft + 12;
    tooltip.style.left = Math.min(left, wrap.clientWidth - 260) + 'px';
    tooltip.style.top = (ev.clientY - wr.top + wrap.scrollTop + 14) + 'px';
  });
  canvas.addEventListener('mouseleave', function () { tooltip.hidden = true; });

  var searchBox = document.getElementById('search');
  function search() {
    var q = searchBox.value.trim().toLowerCase();
    var out = document.getElementById('search-result');
    if (!q) { match = null; out.textContent = ''; draw(); return; }
    match = new Uint8Array(nF);
    var funcs = 0;
    for (var f = 0; f < nF; f++) {
      if (F.name[f].toLowerCase().indexOf(q) >= 0) { match[f] = 1; funcs++; }
    }
    // The weight under matching boxes, each counted once (not again below a match).
    var inside = new Uint8Array(nN + 1), covered = 0;
    for (var n = 0; n < nN; n++) {
      var p = parent[n];
      var under = p !== ROOT && inside[p];
      if (under) inside[n] = 1;
      else if (match[T.function[n]]) { inside[n] = 1; covered += incl[n]; }
    }
    out.textContent = funcs + ' function' + (funcs === 1 ? '' : 's') + ' match: ' + fmtWeight(covered) +
      ' (' + pct(covered, incl[ROOT]) + ' of all)';
    draw();
  }
  searchBox.addEventListener('input', search);
  document.getElementById('reset').addEventListener('click', function () {
    zoom = ROOT;
    searchBox.value = '';
    search();
  });
  document.getElementById('flame-weight').addEventListener('change', function (ev) {
    weight = ev.target.value;
    document.getElementById('weight-word').textContent = weight === 'time' ? 'time' : 'allocated bytes';
    layout();
    if (match) search(); else draw();
  });
  window.addEventListener('resize', draw);

  // ---- function table ----
  var sortKey = 'self_ns', sortAsc = false, showAll = false;
  var filterBox = document.getElementById('filter');
  var tableBody = document.querySelector('#function-table tbody');
  function keyOf(key, f) {
    if (key === 'name') return F.name[f].toLowerCase();
    if (key === 'file') return where(f);
    if (key === 'kind') return kindName(f);
    return F[key][f];
  }
  function renderTable() {
    var q = filterBox.value.trim().toLowerCase();
    var rows = [];
    for (var f = 0; f < nF; f++) {
      if (!q || F.name[f].toLowerCase().indexOf(q) >= 0 || F.file[f].toLowerCase().indexOf(q) >= 0) rows.push(f);
    }
    rows.sort(function (a, b) {
      var x = keyOf(sortKey, a), y = keyOf(sortKey, b);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return (sortAsc ? c : -c) || a - b;
    });
    var shown = showAll ? rows : rows.slice(0, TABLE_LIMIT);
    fill(tableBody, shown.map(function (f) {
      var tr = row([[F.name[f], 'name'], [where(f)], [kindName(f)],
        [callsText(F.calls[f], F.primitive_calls[f]), 'num'], [fmtTime(F.self_ns[f]), 'num'],
        [fmtTime(F.total_ns[f]), 'num'], [D.memory_tracked ? fmtBytes(F.alloc_bytes[f]) : '-', 'num'],
        [D.memory_tracked ? fmtBytes(F.retained_bytes[f]) : '-', 'num']]);
      tr.dataset.function = String(f);
      if (f === selected) tr.className = 'selected';
      return tr;
    }));
    document.getElementById('table-note').textContent = 'Showing ' + fmtCount(shown.length) + ' of ' + fmtCount(rows.length) + ' functions';
    document.getElementById('show-all').hidden = shown.length === rows.length;
    document.querySelectorAll('#function-table th').forEach(function (th) {
      th.classList.toggle('sorted', th.dataset.key === sortKey);
      th.classList.toggle('asc', th.dataset.key === sortKey && sortAsc);
    });
  }
  document.querySelectorAll('#function-table th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.dataset.key;
      if (key === sortKey) sortAsc = !sortAsc;
      else { sortKey = key; sortAsc = key === 'name' || key === 'file' || key === 'kind'; }
      renderTable();
    });
  });
  tableBody.addEventListener('click', function (ev) {
    var tr = ev.target.closest('tr');
    if (tr && tr.dataset.function !== undefined) select(Number(tr.dataset.function), true);
  });
  filterBox.addEventListener('input', renderTable);
  document.getElementById('show-all').addEventListener('click', function () { showAll = true; renderTable(); });

  // ---- callers and callees ----
  var byCallee = [], byCaller = [];
  for (var f = 0; f < nF; f++) { byCallee.push([]); byCaller.push([]); }
  for (var e = 0; e < E.caller.length; e++) {
    byCallee[E.callee[e]].push(e);
    byCaller[E.caller[e]].push(e);
  }
  function edgeRows(list, other, none) {
    var sorted = list.slice().sort(function (a, b) { return E.total_ns[b] - E.total_ns[a] || a - b; });
    if (!sorted.length) return [row([[none, 'muted'], [''], [''], ['']])];
    return sorted.map(function (e) {
      var g = other[e];
      var a = el('a', label(g), 'fn');
      a.addEventListener('click', function () { select(g, true); });
      return row([a, [callsText(E.calls[e], E.primitive_calls[e]), 'num'], [fmtTime(E.self_ns[e]), 'num'], [fmtTime(E.total_ns[e]), 'num']]);
    });
  }
  function select(f, redraw) {
    selected = f;
    document.getElementById('detail-empty').hidden = true;
    document.getElementById('detail-body').hidden = false;
    document.getElementById('detail-title').textContent = F.name[f];
    document.getElementById('detail-where').textContent = where(f) + ' \u00b7 ' + kindName(f) + ' \u00b7 ' +
      callsText(F.calls[f], F.primitive_calls[f]) + ' calls \u00b7 self ' + fmtTime(F.self_ns[f]) + ' \u00b7 total ' + fmtTime(F.total_ns[f]);
    fill(document.querySelector('#callers tbody'), edgeRows(byCallee[f], E.caller, 'none (top level)'));
    fill(document.querySelector('#callees tbody'), edgeRows(byCaller[f], E.callee, 'none'));
    renderTable();
    if (redraw) draw();
  }

  layout();
  renderTable();
  draw();
})();
