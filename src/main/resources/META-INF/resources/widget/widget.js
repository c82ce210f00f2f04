/*
 * The embeddable newsroom widget: the latest night's headline figures and a bar chart of the last
 * N nights, launched vs neutralised, stacked by weapon category. Plain ES2017, no build step, no
 * third-party code; everything it needs comes from the service that serves it.
 *
 * Data: GET summary (polled with If-None-Match; 304 or an unchanged dataVersion is "nothing new"),
 * then, only when the data changed, GET nights for the window (and GET series for the filtered
 * totals when a category filter is set, so that sums and rates are the server's, never ours).
 * A date without a report is unknown and is drawn as a gap, never as a zero bar.
 */
(function () {
    'use strict';

    var SCRIPT = document.currentScript;
    // The API sits next to /widget/, wherever the service is mounted.
    var API = new URL('../api/v1/', SCRIPT && SCRIPT.src ? SCRIPT.src : location.href);

    /** Categories, bottom of the stack first; Okabe-Ito colours, told apart with colour blindness too. */
    var CATEGORIES = [
        { slug: 'drone', label: 'Drones', colour: '#E69F00' },
        { slug: 'cruise-missile', label: 'Cruise missiles', colour: '#0072B2' },
        { slug: 'ballistic-missile', label: 'Ballistic missiles', colour: '#D55E00' },
        { slug: 'guided-bomb', label: 'Guided bombs', colour: '#CC79A7' },
        { slug: 'surface-to-air-missile', label: 'Surface-to-air missiles', colour: '#009E73' },
        { slug: 'other', label: 'Other', colour: '#7F7F7F' }
    ];
    var MEASURES = { both: ['launched', 'neutralised'], launched: ['launched'], neutralised: ['neutralised'] };
    var MEASURE_LABELS = { launched: 'Launched', neutralised: 'Neutralised' };
    var LIMITS = { nights: [1, 366, 30], refresh: [2, 86400, 60] };
    var DEFAULT_SOURCE = 'ua-air-force';
    var DATASET_URL = 'https://www.kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine';
    /** Where a reader finds a source's own posts. */
    var SOURCE_LINKS = {
        'ua-air-force': ['Air Force posts', 'https://t.me/kpszsu'],
        'ru-mod': ['Ministry of Defence posts', 'https://t.me/mod_russia']
    };
    var SVG_NS = 'http://www.w3.org/2000/svg';
    /** The totals of a reported night that names none of the chosen categories: none reported, not unknown. */
    var NONE_NAMED = { launched: undefined, neutralised: undefined, interceptionRate: undefined };

    var fmtNumber = new Intl.NumberFormat('en-GB');
    var fmtPercent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    var fmtDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    var fmtDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    var fmtClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

    var $ = function (id) { return document.getElementById(id); };
    var root = $('widget');

    var state = {
        params: null,
        source: null,
        etag: null,
        version: null,
        model: null,
        timer: null,
        busy: false,
        lastChecked: null
    };

    // ---- parameters ------------------------------------------------------------------------

    function category(slug) {
        for (var i = 0; i < CATEGORIES.length; i++) {
            if (CATEGORIES[i].slug === slug) {
                return CATEGORIES[i];
            }
        }
        return null;
    }

    function wholeNumber(query, name, errors) {
        var limits = LIMITS[name];
        var raw = query.get(name);
        if (raw === null || raw.trim() === '') {
            return limits[2];
        }
        var n = Number(raw.trim());
        if (!/^\d+$/.test(raw.trim()) || n < limits[0] || n > limits[1]) {
            errors.push('“' + name + '” must be a whole number from ' + limits[0] + ' to ' + limits[1] + ', not “' + clip(raw) + '”.');
            return limits[2];
        }
        return n;
    }

    /** The query string, checked; errors are sentences a newsroom editor can act on. */
    function readParams(search) {
        var query = new URLSearchParams(search);
        var errors = [];
        var source = (query.get('source') || DEFAULT_SOURCE).trim();
        var nights = wholeNumber(query, 'nights', errors);
        var refresh = wholeNumber(query, 'refresh', errors);
        var measure = (query.get('measure') || 'both').trim().toLowerCase();
        if (!MEASURES[measure]) {
            errors.push('“measure” must be launched, neutralised or both, not “' + clip(measure) + '”.');
            measure = 'both';
        }
        var categories = null;
        var rawCategory = (query.get('category') || '').trim();
        if (rawCategory) {
            categories = [];
            rawCategory.split(',').forEach(function (part) {
                var slug = part.trim().toLowerCase();
                if (!category(slug)) {
                    errors.push('“category” must be one or more of ' + CATEGORIES.map(function (c) { return c.slug; }).join(', ')
                        + ', not “' + clip(part.trim()) + '”.');
                } else if (categories.indexOf(slug) < 0) {
                    categories.push(slug);
                }
            });
            // Keep the stacking order, whatever order the embedder wrote.
            categories = CATEGORIES.map(function (c) { return c.slug; }).filter(function (s) { return categories.indexOf(s) >= 0; });
        }
        return {
            source: source, nights: nights, refresh: refresh, measure: measure, measures: MEASURES[measure],
            categories: categories, errors: errors
        };
    }

    function clip(s) {
        return s.length > 40 ? s.slice(0, 40) + '…' : s;
    }

    // ---- data --------------------------------------------------------------------------------

    function ApiError(status, detail) {
        this.status = status;
        this.message = detail;
    }

    function url(path, query) {
        var u = new URL(path, API);
        Object.keys(query).forEach(function (k) {
            if (query[k] !== null && query[k] !== undefined) {
                u.searchParams.set(k, query[k]);
            }
        });
        return u;
    }

    async function failure(res) {
        var detail = 'the data service answered ' + res.status;
        try {
            var problem = await res.json();
            if (problem && problem.detail) {
                detail = problem.detail;
            }
        } catch (ignored) {
            // Not problem+json (a proxy's error page): the status says enough.
        }
        return new ApiError(res.status, detail);
    }

    /** A JSON read that revalidates with the browser's cache, so a CDN's copy is used when it is current. */
    async function getJson(path, query) {
        var res = await fetch(url(path, query), { cache: 'no-cache', headers: { Accept: 'application/json' } });
        if (!res.ok) {
            throw await failure(res);
        }
        return res.json();
    }

    /** The summary, conditional on the last one we rendered; null when nothing is new. */
    async function fetchSummary() {
        var headers = { Accept: 'application/json' };
        if (state.etag) {
            headers['If-None-Match'] = state.etag;
        }
        // Our own If-None-Match makes the browser hand us the 304 itself instead of its cached copy.
        var res = await fetch(url('summary', { source: state.params.source }), { cache: 'no-store', headers: headers });
        if (res.status === 304) {
            return null;
        }
        if (!res.ok) {
            throw await failure(res);
        }
        var summary = await res.json();
        summary.etag = res.headers.get('ETag');
        return summary;
    }

    function addDays(iso, days) {
        var p = iso.split('-').map(Number);
        return new Date(Date.UTC(p[0], p[1] - 1, p[2] + days)).toISOString().slice(0, 10);
    }

    /** Everything one render needs, built from the server's answers without doing sums of our own. */
    async function load(summary) {
        var params = state.params;
        if (!summary.latestNight) {
            return { empty: true, summary: summary };
        }
        var to = summary.latestNight.date;
        var from = addDays(to, 1 - params.nights);
        var requests = [getJson('nights', { source: params.source, from: from, to: to })];
        if (params.categories) {
            requests.push(getJson('series', {
                source: params.source, from: from, to: to, groupBy: 'total', fill: 'null',
                category: params.categories.join(','), measure: 'launched,neutralised,interceptionRate'
            }));
        }
        var answers = await Promise.all(requests);
        return model(summary, from, to, answers[0], answers[1] || null);
    }

    function seriesValues(series, measure) {
        for (var i = 0; i < series.series.length; i++) {
            if (series.series[i].measure === measure) {
                return series.series[i];
            }
        }
        return { values: [], partial: [] };
    }

    function model(summary, from, to, nights, filtered) {
        var params = state.params;
        var rows = {};
        nights.nights.forEach(function (row) { rows[row.date] = row; });
        var filteredAt = {};
        if (filtered) {
            var l = seriesValues(filtered, 'launched');
            var n = seriesValues(filtered, 'neutralised');
            var r = seriesValues(filtered, 'interceptionRate');
            filtered.dates.forEach(function (date, i) {
                filteredAt[date] = {
                    totals: { launched: l.values[i], neutralised: n.values[i], interceptionRate: r.values[i] },
                    partial: Boolean((l.partial && l.partial[i]) || (n.partial && n.partial[i]))
                };
            });
        }
        var wanted = params.categories || CATEGORIES.map(function (c) { return c.slug; });
        var days = [];
        for (var date = from; date <= to; date = addDays(date, 1)) {
            var row = rows[date];
            if (!row) {
                days.push({ date: date, reported: false });
                continue;
            }
            var f = filteredAt[date];
            var named = wanted.some(function (slug) { return row.categories[slug]; });
            days.push({
                date: date,
                reported: true,
                named: named,
                totals: !named ? NONE_NAMED : f ? f.totals : row.totals,
                categories: row.categories,
                partial: f ? f.partial : row.flags.partial,
                withheld: row.flags.withheld,
                span: row.flags.span
            });
        }
        var present = wanted.filter(function (slug) {
            return nights.nights.some(function (row) { return row.categories[slug]; });
        });
        return {
            empty: false, summary: summary, from: from, to: to, days: days, latest: days[days.length - 1],
            categories: present.map(category), measures: params.measures, attribution: nights.attribution
        };
    }

    // ---- formatting --------------------------------------------------------------------------

    function asDate(iso) {
        return new Date(iso + 'T00:00:00Z');
    }

    // Values: a number; null, unknown (no report, or the report does not give it); undefined, the
    // report names no such weapon.
    function count(v) {
        return v === undefined ? '–' : v === null ? 'unknown' : fmtNumber.format(v);
    }

    function rate(v) {
        return v === undefined ? '–' : v === null ? 'unknown' : fmtPercent.format(v);
    }

    function categoryValue(day, slug, measure) {
        if (!day.reported) {
            return null;
        }
        var c = day.categories[slug];
        return c ? c[measure] : undefined;
    }

    /** One bar: the categories it stacks and whether the night gives the measure at all. */
    function stack(m, day, measure) {
        var out = { segments: [], named: false, known: false };
        m.categories.forEach(function (c) {
            var v = categoryValue(day, c.slug, measure);
            out.named = out.named || v !== undefined;
            if (v !== null && v !== undefined) {
                out.known = true;
                out.segments.push({ category: c, value: v });
            }
        });
        return out;
    }

    function sourceName(source) {
        return source.name.replace(/ \(claims\)$/, '');
    }

    function element(tag, attributes, text) {
        var e = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, attributes[k]); });
        if (text !== undefined) {
            e.textContent = text;
        }
        return e;
    }

    function svg(tag, attributes, text) {
        var e = document.createElementNS(SVG_NS, tag);
        Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, attributes[k]); });
        if (text !== undefined) {
            e.textContent = text;
        }
        return e;
    }

    function tooltip(node, text) {
        node.appendChild(svg('title', {}, text));
        return node;
    }

    // ---- rendering ---------------------------------------------------------------------------

    function showMessage(text) {
        var box = $('w-message');
        box.textContent = text;
        box.hidden = !text;
    }

    function renderFrame() {
        var params = state.params;
        var source = state.source;
        if (params.categories) {
            var labels = params.categories.map(function (s, i) { return i ? category(s).label.toLowerCase() : category(s).label; });
            var last = labels.pop();
            $('w-title').textContent = (labels.length ? labels.join(', ') + ' and ' : '') + last + ', night by night';
        }
        var claim = source.kind === 'claim';
        $('w-byline').textContent = (claim ? 'Claimed by the ' : 'As reported by the ') + sourceName(source);
        $('w-claim').hidden = !claim;
        document.title = $('w-title').textContent + ' — ' + sourceName(source);
    }

    function renderHeadline(m) {
        var day = m.latest;
        var what = day.span ? 'Multi-night tally to ' : 'Night to ';
        var latest = $('w-latest');
        latest.textContent = what;
        latest.appendChild(element('time', { datetime: day.date }, fmtDate.format(asDate(day.date))));
        $('w-launched').textContent = count(day.totals.launched);
        $('w-neutralised').textContent = count(day.totals.neutralised);
        $('w-rate').textContent = rate(day.totals.interceptionRate);
        $('w-headline').setAttribute('data-date', day.date);
        var notes = [];
        if (!day.named) {
            notes.push('This night\'s report names none of these weapons.');
        } else if (day.partial) {
            notes.push('Some counts of this night are not known; the figures cover the known ones.');
        }
        if (day.withheld) {
            notes.push('The source withheld some counts.');
        }
        if (day.span) {
            notes.push('A report counted here covers more than one night.');
        }
        $('w-flags').textContent = notes.join(' ');
        $('w-headline').hidden = false;
    }

    /** Round steps of 1, 2 or 5 × 10^k, about four of them. */
    function ticks(max) {
        if (max <= 0) {
            return [0, 1];
        }
        var raw = max / 4;
        var power = Math.pow(10, Math.floor(Math.log10(raw)));
        var step = [1, 2, 5, 10].map(function (s) { return s * power; }).filter(function (s) { return s >= raw; })[0];
        step = Math.max(1, step);
        var out = [];
        for (var v = 0; v < max + step; v += step) {
            out.push(v);
            if (v >= max) {
                break;
            }
        }
        return out;
    }

    /** What one bar says, for its tooltip. */
    function describe(day, measure, bar) {
        var parts = bar.segments.map(function (s) { return s.category.label.toLowerCase() + ' ' + fmtNumber.format(s.value); });
        return fmtDate.format(asDate(day.date)) + ' — ' + MEASURE_LABELS[measure].toLowerCase() + ': '
            + (parts.length ? parts.join(', ') : 'unknown') + (day.partial ? ' (partly unknown)' : '');
    }

    /** A reported night naming the chosen weapons without giving this measure. */
    function notGiven(bar) {
        return bar.named && !bar.known;
    }

    function renderChart(m) {
        var box = $('w-chart');
        var width = Math.max(240, Math.floor(box.clientWidth || 300));
        var height = Math.round(Math.min(300, Math.max(170, width * 0.42)));
        var measures = m.measures;
        var max = 0;
        m.days.forEach(function (day) {
            if (!day.reported) {
                return;
            }
            measures.forEach(function (measure) {
                var sum = 0;
                stack(m, day, measure).segments.forEach(function (s) { sum += s.value; });
                max = Math.max(max, sum);
            });
        });
        var scale = ticks(max);
        var top = scale[scale.length - 1];
        var margin = { top: 8, right: 4, bottom: 22, left: 10 + 7 * fmtNumber.format(top).length };
        var plotW = width - margin.left - margin.right;
        var plotH = height - margin.top - margin.bottom;
        var n = m.days.length;
        var slot = plotW / n;
        var pad = slot >= 6 ? slot * 0.2 : 0;
        var barW = (slot - pad) / measures.length;
        var y = function (v) { return margin.top + plotH - (v / top) * plotH; };
        var base = y(0);

        var chart = svg('svg', {
            width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
            'aria-labelledby': 'w-chart-title w-chart-desc', focusable: 'false'
        });
        var what = measures.map(function (x) { return MEASURE_LABELS[x].toLowerCase(); }).join(' and ');
        chart.appendChild(svg('title', { id: 'w-chart-title' }, 'Weapons ' + what + ' per night, '
            + fmtDate.format(asDate(m.from)) + ' to ' + fmtDate.format(asDate(m.to))));
        var reported = m.days.filter(function (d) { return d.reported; }).length;
        chart.appendChild(svg('desc', { id: 'w-chart-desc' }, 'Bars stacked by weapon category. ' + reported + ' of '
            + n + ' nights have a report; nights without one are unknown and drawn as hatched gaps. '
            + 'The data table below holds every number.'));
        var defs = svg('defs');
        var hatch = svg('pattern', { id: 'w-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
        hatch.appendChild(svg('rect', { width: 6, height: 6, fill: '#f3f3f3' }));
        hatch.appendChild(svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#c8c8c8', 'stroke-width': 2 }));
        defs.appendChild(hatch);
        chart.appendChild(defs);

        var grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
        scale.forEach(function (v) {
            grid.appendChild(svg('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v) }));
            grid.appendChild(svg('text', { x: margin.left - 4, y: y(v), dy: '0.32em', 'text-anchor': 'end' }, fmtNumber.format(v)));
        });
        chart.appendChild(grid);

        var bars = svg('g', { class: 'bars' });
        m.days.forEach(function (day, i) {
            var x0 = margin.left + i * slot;
            if (!day.reported) {
                bars.appendChild(tooltip(svg('rect', {
                    class: 'gap no-report', 'data-date': day.date, x: x0, y: margin.top, width: Math.max(slot, 0.5), height: plotH,
                    fill: 'url(#w-hatch)'
                }), fmtDate.format(asDate(day.date)) + ': no report — unknown'));
                return;
            }
            measures.forEach(function (measure, j) {
                var x = x0 + pad / 2 + j * barW;
                // Side by side, launched is the pale bar and neutralised the solid one.
                var pale = measures.length > 1 && measure === 'launched';
                var bar = stack(m, day, measure);
                if (!bar.named) {
                    return;
                }
                var group = tooltip(svg('g', { class: 'stack', 'data-date': day.date, 'data-measure': measure }),
                    describe(day, measure, bar));
                var below = 0;
                bar.segments.forEach(function (s) {
                    if (s.value > 0) {
                        group.appendChild(svg('rect', {
                            class: 'bar ' + measure + (pale ? ' pale' : ''), 'data-date': day.date, 'data-measure': measure,
                            'data-category': s.category.slug, 'data-value': s.value, x: x, y: y(below + s.value),
                            width: Math.max(barW, 0.5), height: base - y(s.value), fill: s.category.colour
                        }));
                        below += s.value;
                    }
                });
                if (notGiven(bar)) {
                    // A reported night that does not give this measure: a dashed stub, never a zero bar.
                    var stub = Math.min(14, plotH * 0.08);
                    group.appendChild(svg('rect', {
                        class: 'gap unknown', 'data-date': day.date, 'data-measure': measure,
                        x: x + 0.5, y: base - stub, width: Math.max(barW - 1, 1), height: stub
                    }));
                }
                bars.appendChild(group);
            });
        });
        chart.appendChild(bars);

        var axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
        axis.appendChild(svg('line', { x1: margin.left, x2: width - margin.right, y1: base, y2: base }));
        // A label about every 56 px, counted back from the latest night, kept inside the frame.
        var every = Math.max(1, Math.ceil(56 / slot));
        var half = 18;
        for (var i = n - 1; i >= 0; i -= every) {
            var cx = margin.left + (i + 0.5) * slot;
            cx = Math.min(Math.max(cx, margin.left + half), width - margin.right - half);
            axis.appendChild(svg('text', { x: cx, y: height - 6, 'text-anchor': 'middle' }, fmtDay.format(asDate(m.days[i].date))));
        }
        chart.appendChild(axis);

        box.replaceChildren(chart);
    }

    function swatch(item, style) {
        var s = element('span', { class: 'swatch ' + (style || ''), 'aria-hidden': 'true' });
        item.insertBefore(s, item.firstChild);
        return s;
    }

    function renderLegend(m) {
        var legend = $('w-legend');
        legend.replaceChildren();
        m.categories.forEach(function (c) {
            var item = element('li', {}, c.label);
            swatch(item).style.background = c.colour;
            legend.appendChild(item);
        });
        if (m.measures.length > 1) {
            swatch(legend.appendChild(element('li', {}, 'left bar: launched')), 'launched');
            swatch(legend.appendChild(element('li', {}, 'right bar: neutralised')), 'neutralised');
        } else {
            legend.appendChild(element('li', { class: 'measure' }, 'Bars: ' + MEASURE_LABELS[m.measures[0]].toLowerCase()));
        }
        swatch(legend.appendChild(element('li', {}, 'no report (unknown)')), 'hatched');
        var stubs = m.days.some(function (day) {
            return m.measures.some(function (measure) { return day.reported && notGiven(stack(m, day, measure)); });
        });
        if (stubs) {
            swatch(legend.appendChild(element('li', {}, 'count not given (unknown)')), 'dashed');
        }
    }

    function cell(row, v, format) {
        row.appendChild(element('td', typeof v === 'number' ? {} : { class: 'unknown' }, format(v)));
    }

    function renderTable(m) {
        var table = $('w-table');
        $('w-table-caption').textContent = 'Per night, newest first, ' + fmtDate.format(asDate(m.from)) + ' to '
            + fmtDate.format(asDate(m.to)) + '. “unknown”: no report that night, or the report does not give the count; '
            + '“–”: the report names no such weapon.';
        var head = element('tr');
        head.appendChild(element('th', { scope: 'col' }, 'Night'));
        ['Launched', 'Neutralised', 'Interception rate'].forEach(function (h) {
            head.appendChild(element('th', { scope: 'col' }, h));
        });
        m.categories.forEach(function (c) {
            m.measures.forEach(function (measure) {
                head.appendChild(element('th', { scope: 'col' }, c.label + ' ' + measure));
            });
        });
        table.tHead.replaceChildren(head);
        var body = document.createDocumentFragment();
        m.days.slice().reverse().forEach(function (day) {
            var tr = element('tr', { 'data-date': day.date });
            var th = element('th', { scope: 'row' });
            th.appendChild(element('time', { datetime: day.date }, fmtDate.format(asDate(day.date))));
            var notes = [];
            if (!day.reported) {
                notes.push('no report');
            } else {
                if (day.span) {
                    notes.push('multi-night');
                }
                if (day.withheld) {
                    notes.push('withheld');
                } else if (day.partial) {
                    notes.push('partial');
                }
            }
            if (notes.length) {
                th.appendChild(element('span', { class: 'note' }, ' (' + notes.join(', ') + ')'));
            }
            tr.appendChild(th);
            var t = day.reported ? day.totals : { launched: null, neutralised: null, interceptionRate: null };
            cell(tr, t.launched, count);
            cell(tr, t.neutralised, count);
            cell(tr, t.interceptionRate, rate);
            m.categories.forEach(function (c) {
                m.measures.forEach(function (measure) {
                    cell(tr, categoryValue(day, c.slug, measure), count);
                });
            });
            body.appendChild(tr);
        });
        table.tBodies[0].replaceChildren(body);
        $('w-data').hidden = false;
    }

    function link(parent, text, href) {
        var a = element('a', { href: href, target: '_blank', rel: 'noopener' }, text);
        parent.appendChild(a);
        return a;
    }

    function renderCredit(attribution) {
        var credit = $('w-credit');
        credit.replaceChildren(document.createTextNode('Source: ' + attribution + ' '));
        var own = SOURCE_LINKS[state.source.slug];
        if (own) {
            link(credit, own[0], own[1]);
        }
        if (state.source.kind !== 'claim') {
            if (own) {
                credit.appendChild(document.createTextNode(' · '));
            }
            link(credit, 'dataset on Kaggle', DATASET_URL);
        }
    }

    function render(m) {
        state.model = m;
        renderFrame();
        if (m.empty) {
            showMessage('No night has been reported for ' + sourceName(state.source) + ' yet. This widget checks again every '
                + state.params.refresh + ' s.');
            $('w-headline').hidden = true;
            $('w-figure').hidden = true;
            $('w-data').hidden = true;
            renderCredit(m.summary.attribution);
            return;
        }
        showMessage('');
        renderHeadline(m);
        $('w-figure').hidden = false;
        renderChart(m);
        renderLegend(m);
        renderTable(m);
        renderCredit(m.attribution);
    }

    function setStatus(stale, reason) {
        var status = $('w-status');
        var checked = state.lastChecked ? fmtClock.format(state.lastChecked) : null;
        if (stale) {
            status.textContent = 'Could not refresh (' + reason + ')' + (checked ? '; showing the numbers checked at ' + checked : '')
                + '. Trying again in ' + state.params.refresh + ' s.';
        } else {
            status.textContent = 'Checked at ' + checked + '; refreshes every ' + state.params.refresh + ' s.';
        }
        status.classList.toggle('stale', stale);
        root.setAttribute('data-stale', String(stale));
    }

    // ---- polling -----------------------------------------------------------------------------

    async function ensureSource() {
        if (state.source) {
            return true;
        }
        var sources = await getJson('sources', {});
        for (var i = 0; i < sources.length; i++) {
            if (sources[i].slug === state.params.source) {
                state.source = sources[i];
                return true;
            }
        }
        invalid(['“source” must be one of ' + sources.map(function (s) { return s.slug; }).join(', ')
            + ', not “' + clip(state.params.source) + '”.']);
        return false;
    }

    async function poll() {
        state.timer = null;
        if (state.busy) {
            return;
        }
        state.busy = true;
        try {
            if (!(await ensureSource())) {
                return;
            }
            var summary = await fetchSummary();
            if (summary && !(state.model && summary.dataVersion === state.version)) {
                render(await load(summary));
                state.version = summary.dataVersion;
                root.setAttribute('data-version', String(summary.dataVersion));
            }
            // Only once the answer is on screen may a 304 stand for it.
            if (summary) {
                state.etag = summary.etag;
            }
            state.lastChecked = new Date();
            root.setAttribute('data-state', 'ready');
            setStatus(false);
        } catch (e) {
            if (!state.model) {
                showMessage('The numbers could not be loaded (' + (e.message || e) + '). Trying again in ' + state.params.refresh + ' s.');
                root.setAttribute('data-state', 'error');
            }
            setStatus(true, e instanceof ApiError ? e.message : 'network error');
        } finally {
            state.busy = false;
            root.setAttribute('aria-busy', 'false');
            if (root.getAttribute('data-state') !== 'invalid') {
                schedule();
            }
        }
    }

    function schedule() {
        clearTimeout(state.timer);
        state.timer = null;
        if (document.visibilityState !== 'hidden') {
            state.timer = setTimeout(poll, state.params.refresh * 1000);
        }
    }

    function invalid(errors) {
        root.setAttribute('data-state', 'invalid');
        root.setAttribute('aria-busy', 'false');
        showMessage('This widget cannot show its numbers: ' + errors.join(' ')
            + ' Please check the address in the embed code.');
    }

    function start() {
        state.params = readParams(location.search);
        if (state.params.errors.length) {
            invalid(state.params.errors);
            return;
        }
        // A hidden tab does not poll; it catches up as soon as it is shown again.
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'hidden') {
                clearTimeout(state.timer);
                state.timer = null;
            } else if (!state.timer && !state.busy && root.getAttribute('data-state') !== 'invalid') {
                poll();
            }
        });
        var pending = 0;
        if (window.ResizeObserver) {
            var lastWidth = 0;
            new ResizeObserver(function (entries) {
                var w = Math.floor(entries[0].contentRect.width);
                if (w === lastWidth || !state.model || state.model.empty) {
                    return;
                }
                lastWidth = w;
                cancelAnimationFrame(pending);
                pending = requestAnimationFrame(function () { renderChart(state.model); });
            }).observe($('w-chart'));
        }
        poll();
    }

    start();
}());
