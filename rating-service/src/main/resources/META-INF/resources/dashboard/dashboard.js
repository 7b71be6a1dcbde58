'use strict';
// Region dashboard: the page is behind sign-in (the service's OIDC code flow); every call rides on the session
// cookie (never a token in the page), marked X-Requested-With so the service treats it as the page's own call.
// The region's live SSE stream is read with fetch(); per-inspection tables as reports print them. When the session
// cannot be renewed the service answers 499 (or 401) and the page reloads, which signs in again.
(function () {
  const NAMES = {
    OUTSTANDING: 'Outstanding', GOOD: 'Good', REQUIRES_IMPROVEMENT: 'Requires improvement',
    INADEQUATE: 'Inadequate', NOT_APPLICABLE: 'Not applicable', NOT_RATED: 'not rated'
  };
  const rows = new Map(); // inspection id -> latest ratings document
  let lastEventId = null;
  let controller = null;
  let selected = null;
  let retryTimer = null;

  const $ = (id) => document.getElementById(id);
  const printed = (rating) => NAMES[rating] || rating;
  const css = (rating) => 'rating-' + String(rating).toLowerCase().replace(/_/g, '-');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function status(text) { $('status').textContent = text; }

  let reloading = false;

  const HEADERS = { 'X-Requested-With': 'JavaScript' };

  // The session has ended (signed out elsewhere, idle too long, provider session over): a page load signs in again.
  function sessionEnded() {
    if (reloading) return;
    reloading = true;
    if (controller) controller.abort();
    status('Your session has ended; signing in again…');
    window.location.reload();
  }

  async function api(path, accept) {
    const response = await fetch(path, { headers: Object.assign({ Accept: accept || 'application/json' }, HEADERS),
      credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401 || response.status === 499) { sessionEnded(); }
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response;
  }

  // ---- who is signed in, which region ----
  async function start() {
    $('close-detail').addEventListener('click', closeDetail);
    $('show-report').addEventListener('click', showReport);
    $('download-csv').addEventListener('click', downloadCsv);
    $('region-form').addEventListener('submit', (e) => {
      e.preventDefault();
      show($('region').value.trim() || 'London');
    });
    let me;
    try {
      me = await (await api('/dashboard/session')).json();
    } catch (e) {
      $('signin-error').textContent = 'Could not find out who is signed in: ' + e.message;
      status('Not signed in');
      return;
    }
    const regions = me.regions || [];
    const all = regions.includes('*');
    $('who').textContent = 'Signed in as ' + me.name + ' (' + me.roles.join(', ') + '; '
      + (all ? 'every region' : regions.length ? 'region ' + regions.join(', ') : 'no region') + ').';
    if (!all && regions.length === 1) {
      show(regions[0]);
    } else {
      // Several regions (or all): the person chooses which to watch.
      if (!all && regions.length) $('region').value = regions[0];
      $('region-form').hidden = false;
      status('Signed in: choose a region');
    }
  }

  function show(region) {
    $('signin-error').textContent = '';
    if ($('board-title').dataset.region !== region) {
      rows.clear();
      lastEventId = null;
      $('inspections-head').replaceChildren();
      $('inspections-body').replaceChildren();
    }
    $('board').hidden = false;
    $('board-title').dataset.region = region;
    $('board-title').textContent = 'Inspections in ' + region;
    connect(region);
  }

  function refused(message) {
    if (controller) controller.abort();
    clearTimeout(retryTimer);
    $('board').hidden = true;
    $('signin-error').textContent = message;
    status(message);
  }

  // ---- the live stream ----
  async function connect(region) {
    if (controller) controller.abort();
    clearTimeout(retryTimer);
    controller = new AbortController();
    const headers = Object.assign({ Accept: 'text/event-stream' }, HEADERS);
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    let retry = 2000;
    try {
      status(lastEventId === null ? 'Connecting…' : 'Reconnecting…');
      const response = await fetch('/regions/' + encodeURIComponent(region) + '/ratings/stream',
        { headers, signal: controller.signal, cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 401 || response.status === 499) { sessionEnded(); return; }
      if (response.status === 403) { refused('You have no role that may read ratings.'); return; }
      if (response.status === 404) { refused('Region "' + region + '" is not visible to you.'); return; }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      status('Live: connected to ' + region);
      $('empty').hidden = rows.size > 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event = { id: null, name: 'message', data: [] };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop();
        for (const line of lines) {
          if (line === '') {
            if (event.data.length) dispatch(event);
            event = { id: event.id, name: 'message', data: [] };
          } else if (line.startsWith(':')) {
            // comment (keep-alive)
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = val;
            else if (field === 'event') event.name = val;
            else if (field === 'data') event.data.push(val);
            else if (field === 'retry' && /^\d+$/.test(val)) retry = Number(val);
          }
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
    }
    if (reloading || $('board-title').dataset.region !== region) return;
    status('Connection lost; reconnecting…');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => connect(region), retry);
  }

  function dispatch(event) {
    if (event.id !== null) lastEventId = event.id;
    if (event.name === 'expired') {
      // The server ends the stream when the session's tokens expire; the reconnect below renews them (refresh
      // token), or is answered 499 when the session cannot be renewed, and the page signs in again.
      return;
    }
    if (event.name !== 'rating') return;
    const ratings = JSON.parse(event.data.join('\n'));
    const before = rows.get(ratings.inspectionId);
    if (before && JSON.stringify(before) === JSON.stringify(ratings)) return; // same state again: nothing to show
    rows.set(ratings.inspectionId, ratings);
    renderRow(ratings, before);
    if (selected === ratings.inspectionId && before && JSON.stringify(before) !== JSON.stringify(ratings)) {
      openDetail(ratings.inspectionId, false);
    }
  }

  // ---- region table ----
  function renderHead(ratings) {
    const head = $('inspections-head');
    if (head.children.length) return;
    head.append(el('th', { scope: 'col' }, 'PDU'), el('th', { scope: 'col' }, 'Status'));
    for (const s of ratings.standards) head.append(el('th', { scope: 'col' }, s.id + ' ' + s.name));
    head.append(el('th', { scope: 'col' }, 'Overall'));
  }

  // An unsettled band (its lowest key question's 95% interval reaches another band) gets a small marker.
  function unsettledText(s) {
    if (s.settled !== false) return null;
    const m = s.changesToMove || {};
    const moves = [];
    if (m.up !== null && m.up !== undefined) moves.push(m.up + ' changed answer' + (m.up === 1 ? '' : 's') + ' would move it up');
    if (m.down !== null && m.down !== undefined) moves.push(m.down + ' would move it down');
    return 'not settled: the sample cannot rule out another band' + (moves.length ? '; ' + moves.join(', ') : '');
  }

  function standardCell(s) {
    const pct = s.lowestKeyQuestion === null || s.lowestKeyQuestion === undefined ? null : s.lowestKeyQuestion;
    const unsettled = unsettledText(s);
    const label = s.name + ': ' + printed(s.rating) + (pct === null ? '' : ', lowest key question ' + pct + '%')
      + (unsettled ? '; ' + unsettled : '');
    return el('td', { class: css(s.rating), 'data-standard': s.id, 'aria-label': label, title: label },
      el('span', { class: 'cell-rating' }, printed(s.rating),
        unsettled ? el('span', { class: 'unsettled', 'data-unsettled': s.id, title: unsettled, 'aria-hidden': 'true' }, ' \u2248') : null),
      pct === null ? null : el('span', { class: 'cell-pct' }, (s.keyQuestions.length > 1 ? 'lowest ' : '') + pct + '%'));
  }

  // Viewers get the publication (provisional false); the team live figures and the inspection's state.
  function statusText(ratings) {
    if (!ratings.provisional) return 'published';
    return { OPEN: 'in progress', SCHEDULED: 'scheduled', PUBLISHED: 'published' }[ratings.status] || 'in progress';
  }

  function renderRow(ratings, before) {
    renderHead(ratings);
    $('empty').hidden = true;
    const overall = ratings.overall;
    const tr = el('tr', { tabindex: '0', 'data-inspection-id': ratings.inspectionId,
      'aria-label': (ratings.pdu || ratings.name) + ', overall ' + printed(overall.rating) + ' ' + overall.score + ' / '
        + overall.maxScore + '. Press Enter for details.' },
      el('th', { scope: 'row' }, ratings.pdu || ratings.name),
      el('td', { class: 'status' }, statusText(ratings)));
    for (const s of ratings.standards) tr.append(standardCell(s));
    tr.append(el('td', { class: css(overall.rating) + ' overall', 'data-standard': 'overall' },
      el('span', { class: 'cell-rating' }, printed(overall.rating)),
      el('span', { class: 'cell-pct' }, overall.score + ' / ' + overall.maxScore)));
    tr.addEventListener('click', () => openDetail(ratings.inspectionId, true));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDetail(ratings.inspectionId, true); }
    });
    const body = $('inspections-body');
    const existing = body.querySelector('tr[data-inspection-id="' + CSS.escape(ratings.inspectionId) + '"]');
    if (selected === ratings.inspectionId) tr.classList.add('selected');
    if (existing) {
      const hadFocus = document.activeElement === existing;
      existing.replaceWith(tr);
      if (hadFocus) tr.focus();
      if (before && JSON.stringify(before) !== JSON.stringify(ratings)) {
        tr.classList.add('changed');
        setTimeout(() => tr.classList.remove('changed'), 3000);
      }
    } else {
      const key = (ratings.pdu || ratings.name).toLowerCase();
      const after = [...body.children].find((r) => r.firstChild.textContent.toLowerCase() > key);
      body.insertBefore(tr, after || null);
    }
  }

  // ---- one inspection ----
  async function openDetail(id, focus) {
    selected = id;
    for (const r of $('inspections-body').children) r.classList.toggle('selected', r.dataset.inspectionId === id);
    const base = '/inspections/' + encodeURIComponent(id);
    try {
      const [ratings, history, rules] = await Promise.all([
        api(base + '/ratings').then((r) => r.json()),
        api(base + '/history').then((r) => r.json()),
        api(base + '/rules').then((r) => r.json())]);
      // The comparison columns are the values of the framework's first enumerated breakdown (probation: the cohorts).
      const split = (rules.dimensions || []).find((d) => d.type === 'ENUM' && d.values && d.values.length > 1
        && d.values.length <= 4);
      const columns = split ? await Promise.all(split.values.map((v) =>
        api(base + '/questions?' + encodeURIComponent(split.id) + '=' + encodeURIComponent(v)).then((r) => r.json())
          .then((rows) => ({ value: v, rows })))) : [];
      $('detail-title').textContent = ratings.name + (ratings.provisional ? ' (provisional: live figures)' : ' (publication ' + ratings.publicationVersion + ')');
      const body = el('div', { class: 'tables' });
      body.append(ratingsTable(ratings), ...keyQuestionTables(ratings), ...(columns.length ? [splitTable(ratings, columns)] : []),
        charts(ratings, history, bandLines(rules)));
      $('detail-body').replaceChildren(body);
      $('detail').hidden = false;
      if (focus) $('detail').focus();
    } catch (e) {
      $('detail-body').replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Could not load: ' + e.message));
      $('detail').hidden = false;
    }
  }

  function closeDetail() {
    $('detail').hidden = true;
    $('report').hidden = true;
    const row = $('inspections-body').querySelector('tr.selected');
    selected = null;
    if (row) { row.classList.remove('selected'); row.focus(); }
  }

  // Wide tables scroll inside their box on a small screen; the page itself never scrolls sideways.
  function scrolling(table) { return el('div', { class: 'scroll' }, table); }

  function keyQuestionCell(s) {
    if (s.basis === 'JUDGEMENT') return ['judgement'];
    const pcts = s.keyQuestions.map((q) => q.percentage).filter((p) => p !== null);
    if (!pcts.length) return ['—'];
    const lowest = Math.min(...pcts);
    const rated = s.rating !== 'NOT_RATED' && pcts.length > 1;
    const parts = [];
    pcts.forEach((p, i) => {
      if (i) parts.push(', ');
      parts.push(rated && p === lowest ? el('strong', {}, String(p)) : String(p));
    });
    return parts;
  }

  function ratingsTable(ratings) {
    const tbody = el('tbody');
    for (const s of ratings.standards) {
      tbody.append(el('tr', { class: css(s.rating) }, el('th', { scope: 'row' }, s.id + ' ' + s.name),
        el('td', {}, printed(s.rating)), el('td', {}, ...keyQuestionCell(s))));
    }
    const o = ratings.overall;
    tbody.append(el('tr', { class: 'overall' }, el('th', { scope: 'row' }, el('strong', {}, 'Overall')),
      el('td', {}, el('strong', {}, printed(o.rating))), el('td', {}, el('strong', {}, o.score + ' / ' + o.maxScore))));
    return el('section', {}, el('h3', {}, 'Ratings'),
      scrolling(el('table', { class: 'ratings', id: 'detail-ratings' }, el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Standard'), el('th', { scope: 'col' }, 'Rating'),
        el('th', { scope: 'col' }, 'Key questions (% Yes)'))), tbody)));
  }

  function keyQuestionTables(ratings) {
    return ratings.standards.filter((s) => s.basis !== 'JUDGEMENT' && s.keyQuestions.length).map((s) => {
      const tbody = el('tbody');
      for (const q of s.keyQuestions) {
        tbody.append(el('tr', {}, el('th', { scope: 'row' }, q.id + ' ' + q.text), el('td', {}, q.yes),
          el('td', {}, q.relevant), el('td', {}, q.percentage === null ? '—' : q.percentage + '%')));
      }
      return el('section', {}, el('h3', {}, s.id + ' ' + s.name + ': ' + printed(s.rating)),
        scrolling(el('table', { class: 'key-questions' }, el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Key question'), el('th', { scope: 'col' }, 'Yes'),
          el('th', { scope: 'col' }, 'Relevant cases'), el('th', { scope: 'col' }, "Percentage 'Yes'"))), tbody)));
    });
  }

  // One column per value of a breakdown: each key question's "percentage 'Yes'" among those cases.
  function splitTable(ratings, columns) {
    const title = (v) => v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ');
    const byId = columns.map((c) => new Map(c.rows.map((r) => [r.id, r])));
    const cell = (q) => (!q || q.percentage === null ? '—' : q.percentage + '% (' + q.yes + ' of ' + q.relevant + ')');
    const tbody = el('tbody');
    for (const s of ratings.standards) {
      for (const q of s.keyQuestions) {
        tbody.append(el('tr', {}, el('th', { scope: 'row' }, q.id + ' ' + q.text),
          ...byId.map((m) => el('td', {}, cell(m.get(q.id))))));
      }
    }
    const names = columns.map((c) => title(c.value));
    const heading = names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1].toLowerCase() + ' cases';
    return el('section', {}, el('h3', {}, heading),
      scrolling(el('table', { class: 'cohorts', id: 'detail-cohorts' }, el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Key question'),
        ...names.map((n) => el('th', { scope: 'col' }, n + ": percentage 'Yes'")))), tbody)));
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  // The framework's band boundaries (each band's lowest percentage, the bottom band's 0 left out), highest first.
  function bandLines(rules) {
    return rules.bands.map((b) => b.minPercentage).filter((m) => m > 0);
  }

  function charts(ratings, history, bands) {
    const grid = el('div', { class: 'charts' });
    for (const s of ratings.standards) {
      for (const q of s.keyQuestions) {
        const points = history[q.id] || [];
        if (!points.length) continue;
        const W = 240, H = 90, P = 4;
        const times = points.map((p) => Date.parse(p.at));
        const t0 = Math.min(...times), t1 = Math.max(...times);
        const x = (i) => (t1 === t0 ? P + (W - 2 * P) * (points.length === 1 ? 1 : i / (points.length - 1))
          : P + (W - 2 * P) * (times[i] - t0) / (t1 - t0));
        const y = (pct) => H - P - (H - 2 * P) * pct / 100;
        const titleId = 'chart-' + q.id.replace(/\./g, '-');
        const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': titleId });
        const title = svg('title', { id: titleId });
        const now = points[points.length - 1].percentage;
        const values = points.map((p) => p.percentage).filter((p) => p !== null);
        title.textContent = q.id + ": percentage 'Yes' over time, now " + (now === null ? 'none' : now + '%')
          + (values.length ? ', lowest ' + Math.min(...values) + '%, highest ' + Math.max(...values) + '%' : '');
        chart.append(title);
        for (const band of bands) {
          chart.append(svg('line', { x1: P, x2: W - P, y1: y(band), y2: y(band), stroke: '#b1b4b6',
            'stroke-dasharray': '3 3', 'stroke-width': 1 }));
        }
        const coords = points.map((p, i) => (p.percentage === null ? null : x(i).toFixed(1) + ',' + y(p.percentage).toFixed(1)))
          .filter((c) => c !== null);
        chart.append(svg('polyline', { points: coords.join(' '), fill: 'none', stroke: '#1d70b8', 'stroke-width': 2 }));
        grid.append(el('figure', { class: 'chart' }, chart,
          el('figcaption', {}, q.id + ' — now ' + (now === null ? '—' : now + '%') + ' (dashed lines: ' + bands.slice().reverse().join(', ') + '%)')));
      }
    }
    return el('section', {}, el('h3', {}, "Percentage 'Yes' over time"), grid);
  }

  // ---- report export ----
  async function showReport() {
    if (!selected) return;
    const html = await (await api('/inspections/' + encodeURIComponent(selected) + '/report', 'text/html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const report = doc.querySelector('main.report');
    const target = $('report');
    target.replaceChildren(document.importNode(report, true));
    target.hidden = false;
    target.scrollIntoView();
  }

  async function downloadCsv() {
    if (!selected) return;
    const blob = await (await api('/inspections/' + encodeURIComponent(selected) + '/report.csv', 'text/csv')).blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: 'inspection-' + selected + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  document.addEventListener('DOMContentLoaded', start);
}());
