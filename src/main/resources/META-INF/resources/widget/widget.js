/*
 * The embeddable newsroom widget: the latest night's headline figures and a bar chart of the last
 * N nights, launched vs neutralised, stacked by weapon category. Plain ES2017, no build step, no
 * third-party code; everything it needs comes from the service that serves it.
 *
 * Data: GET summary (polled with If-None-Match; 304 or an unchanged dataVersion is "nothing new"),
 * then, only when the data changed, GET nights for the window and GET nights/{date} for the latest
 * night's reports (and GET series for the filtered totals when a category filter is set, so that
 * sums and rates are the server's, never ours). A date without a report is unknown and is drawn as
 * a gap, never as a zero bar.
 *
 * Language (lang=uk|en, else the page's lang, else English) and theme (theme=auto|light|dark) come
 * from the address; embed.js passes the host page's lang and listens for the height posted here.
 */
(function () {
    'use strict';

    var SCRIPT = document.currentScript;
    // The API sits next to /widget/, wherever the service is mounted.
    var API = new URL('../api/v1/', SCRIPT && SCRIPT.src ? SCRIPT.src : location.href);

    /** Categories, bottom of the stack first; their colours are CSS variables per theme (widget.css). */
    var CATEGORIES = ['drone', 'cruise-missile', 'ballistic-missile', 'guided-bomb', 'surface-to-air-missile', 'other'];
    var MEASURES = { both: ['launched', 'neutralised'], launched: ['launched'], neutralised: ['neutralised'] };
    var LIMITS = { nights: [1, 366, 30], refresh: [2, 86400, 60] };
    var LANGS = ['en', 'uk'];
    var THEMES = ['auto', 'light', 'dark'];
    var DEFAULT_SOURCE = 'ua-air-force';
    var DATASET_URL = 'https://www.kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine';
    /** Side by side below this bar width (px) the two bars would be slivers: neutralised bars and a launched line instead. */
    var MIN_PAIR_BAR = 4;
    /** A night is "old" once it is more than this many days before today in the source's zone. */
    var STALE_DAYS = 2;
    var SVG_NS = 'http://www.w3.org/2000/svg';
    /** The totals of a reported night that names none of the chosen categories: none reported, not unknown. */
    var NONE_NAMED = { launched: undefined, neutralised: undefined, interceptionRate: undefined };

    /** Every word the widget shows, per language. Functions take the values they place. */
    var STRINGS = {
        en: {
            locale: 'en-GB',
            title: 'Missile and drone attacks, night by night',
            titleOf: function (list) { return list + ', night by night'; },
            claim: 'These are one side\'s claims. They are not verified and are never added to other sources\' figures.',
            launched: 'Launched', neutralised: 'Neutralised', rate: 'Interception rate',
            table: 'Data table', csv: 'Get the data (CSV)',
            categories: {
                drone: 'Drones', 'cruise-missile': 'Cruise missiles', 'ballistic-missile': 'Ballistic missiles',
                'guided-bomb': 'Guided bombs', 'surface-to-air-missile': 'Surface-to-air missiles', other: 'Other'
            },
            lower: function (label) { return label.toLowerCase(); },
            byline: function (name, claim) { return (claim ? 'Claimed by the ' : 'As reported by the ') + name; },
            night: 'Night to ', span: 'Multi-night tally to ',
            windowText: function (from, to, zone) { return 'From ' + from + ' to ' + to + (zone ? ' (' + zone + ')' : ''); },
            at: function (time, date) { return time + ' on ' + date; },
            zones: { 'Europe/Kyiv': 'Kyiv time', 'Europe/Moscow': 'Moscow time' },
            post: 'Read the report', posts: 'Reports:',
            noneNamed: 'This night\'s report names none of these weapons.',
            partial: 'Some counts of this night are not known; the figures cover the known ones.',
            withheld: 'The source withheld some counts.',
            spanNote: 'A report counted here covers more than one night.',
            stale: function (ago) { return 'Not current: this is the latest night in the data, ' + ago + '.'; },
            coverage: function (k, n) { return k + ' of ' + n + ' nights reported. A night without a report is unknown, not zero.'; },
            unknown: 'unknown', noReport: 'no report', multiNight: 'multi-night', withheldNote: 'withheld', partialNote: 'partial',
            pairLaunched: 'Outlined bar (left): launched', pairNeutralised: 'Filled bar (right): neutralised',
            lineLaunched: 'Line: launched', barsNeutralised: 'Bars: neutralised',
            bars: function (measure) { return 'Bars: ' + measure.toLowerCase(); },
            legendNoReport: 'no report (unknown)', legendNotGiven: 'count not given (unknown)',
            chartTitle: function (what, from, to) { return 'Weapons ' + what + ' per night, ' + from + ' to ' + to; },
            chartDesc: function (k, n) {
                return 'Bars stacked by weapon category. ' + k + ' of ' + n + ' nights have a report; nights without one are'
                    + ' unknown and drawn as hatched gaps. Use the arrow keys to go from night to night. The data table below'
                    + ' holds every number.';
            },
            and: ' and ',
            tipNoReport: 'no report — unknown', tipPartly: '(partly unknown)', tipNotGiven: 'not given (unknown)',
            caption: function (from, to) {
                return 'Per night, newest first, ' + from + ' to ' + to + '. “unknown”: no report that night, or the report'
                    + ' does not give the count; “–”: the report names no such weapon.';
            },
            nightCol: 'Night', column: function (category, measure) { return category + ' ' + measure.toLowerCase(); },
            source: 'Source: ',
            ownLinks: { 'ua-air-force': 'Air Force posts', 'ru-mod': 'Ministry of Defence posts' },
            dataset: 'dataset on Kaggle',
            empty: function (name, s) { return 'No night has been reported for ' + name + ' yet. This widget checks again every ' + s + ' s.'; },
            checked: function (time, s) { return 'Checked at ' + time + '; refreshes every ' + s + ' s.'; },
            stuck: function (reason, time, s) {
                return 'Could not refresh (' + reason + ')' + (time ? '; showing the numbers checked at ' + time : '')
                    + '. Trying again in ' + s + ' s.';
            },
            failed: function (reason, s) { return 'The numbers could not be loaded (' + reason + '). Trying again in ' + s + ' s.'; },
            network: 'network error',
            answered: function (status) { return 'the data service answered ' + status; },
            invalid: function (errors) { return 'This widget cannot show its numbers: ' + errors + ' Please check the address in the embed code.'; },
            wholeNumber: function (name, lo, hi, raw) { return '“' + name + '” must be a whole number from ' + lo + ' to ' + hi + ', not “' + raw + '”.'; },
            oneOf: function (name, list, raw) { return '“' + name + '” must be ' + list + ', not “' + raw + '”.'; },
            oneOrMoreOf: function (name, list, raw) { return '“' + name + '” must be one or more of ' + list + ', not “' + raw + '”.'; },
            sourceOneOf: function (list, raw) { return '“source” must be one of ' + list + ', not “' + raw + '”.'; },
            or: ' or '
        },
        uk: {
            locale: 'uk-UA',
            title: 'Атаки ракет і дронів, ніч за ніччю',
            titleOf: function (list) { return list + ': ніч за ніччю'; },
            claim: 'Це твердження однієї зі сторін. Вони не перевірені й ніколи не додаються до даних інших джерел.',
            launched: 'Запущено', neutralised: 'Знешкоджено', rate: 'Частка знешкоджених',
            table: 'Таблиця даних', csv: 'Завантажити дані (CSV)',
            categories: {
                drone: 'Дрони', 'cruise-missile': 'Крилаті ракети', 'ballistic-missile': 'Балістичні ракети',
                'guided-bomb': 'Керовані авіабомби', 'surface-to-air-missile': 'Зенітні ракети', other: 'Інше'
            },
            lower: function (label) { return label.toLowerCase(); },
            byline: function (name, claim) { return (claim ? 'Твердження: ' : 'Джерело: ') + name; },
            night: 'Ніч на ', span: 'Підсумок кількох ночей до ',
            windowText: function (from, to, zone) { return 'З ' + from + ' до ' + to + (zone ? ' (' + zone + ')' : ''); },
            at: function (time, date) { return time + ' ' + date; },
            zones: { 'Europe/Kyiv': 'за київським часом', 'Europe/Moscow': 'за московським часом' },
            post: 'Читати звіт', posts: 'Звіти:',
            noneNamed: 'Звіт цієї ночі не називає жодної з цих цілей.',
            partial: 'Частина чисел цієї ночі невідома; показано відомі.',
            withheld: 'Джерело не розкрило частину чисел.',
            spanNote: 'Один зі звітів охоплює кілька ночей.',
            stale: function (ago) { return 'Не актуально: це остання ніч у даних, ' + ago + '.'; },
            coverage: function (k, n) { return 'Звіти є за ' + k + ' із ' + n + ' ночей. Ніч без звіту — невідомо, а не нуль.'; },
            unknown: 'невідомо', noReport: 'немає звіту', multiNight: 'кілька ночей', withheldNote: 'приховано', partialNote: 'неповні',
            pairLaunched: 'Контурний стовпчик (ліворуч): запущено', pairNeutralised: 'Заповнений стовпчик (праворуч): знешкоджено',
            lineLaunched: 'Лінія: запущено', barsNeutralised: 'Стовпчики: знешкоджено',
            bars: function (measure) { return 'Стовпчики: ' + measure.toLowerCase(); },
            legendNoReport: 'немає звіту (невідомо)', legendNotGiven: 'число не вказано (невідомо)',
            chartTitle: function (what, from, to) { return 'Засоби нападу, ' + what + ', за ночами, ' + from + ' — ' + to; },
            chartDesc: function (k, n) {
                return 'Стовпчики складено за типами засобів. Звіти є за ' + k + ' із ' + n + ' ночей; ночі без звіту невідомі й'
                    + ' позначені штрихуванням. Клавіші зі стрілками переходять від ночі до ночі. Усі числа — у таблиці нижче.';
            },
            and: ' і ',
            tipNoReport: 'немає звіту — невідомо', tipPartly: '(частково невідомо)', tipNotGiven: 'не вказано (невідомо)',
            caption: function (from, to) {
                return 'За ночами, від найновішої, ' + from + ' — ' + to + '. «невідомо»: звіту за ту ніч немає або звіт не'
                    + ' наводить числа; «–»: звіт не називає такої зброї.';
            },
            nightCol: 'Ніч', column: function (category, measure) { return category + ': ' + measure.toLowerCase(); },
            source: 'Джерело: ',
            ownLinks: { 'ua-air-force': 'дописи Повітряних сил', 'ru-mod': 'дописи Міноборони РФ' },
            dataset: 'набір даних на Kaggle',
            empty: function (name, s) { return 'Для джерела «' + name + '» ще немає жодного звіту. Віджет перевіряє знову кожні ' + s + ' с.'; },
            checked: function (time, s) { return 'Перевірено о ' + time + '; оновлюється кожні ' + s + ' с.'; },
            stuck: function (reason, time, s) {
                return 'Не вдалося оновити (' + reason + ')' + (time ? '; показано числа, перевірені о ' + time : '')
                    + '. Наступна спроба за ' + s + ' с.';
            },
            failed: function (reason, s) { return 'Не вдалося завантажити числа (' + reason + '). Наступна спроба за ' + s + ' с.'; },
            network: 'помилка мережі',
            answered: function (status) { return 'сервіс даних відповів ' + status; },
            invalid: function (errors) { return 'Віджет не може показати числа: ' + errors + ' Перевірте адресу в коді вбудовування.'; },
            wholeNumber: function (name, lo, hi, raw) { return '«' + name + '» має бути цілим числом від ' + lo + ' до ' + hi + ', а не «' + raw + '».'; },
            oneOf: function (name, list, raw) { return '«' + name + '» має бути ' + list + ', а не «' + raw + '».'; },
            oneOrMoreOf: function (name, list, raw) { return '«' + name + '» має бути одним або кількома з: ' + list + ', а не «' + raw + '».'; },
            sourceOneOf: function (list, raw) { return '«source» має бути одним із: ' + list + ', а не «' + raw + '».'; },
            or: ' або '
        }
    };
    /** Source names in Ukrainian; the catalog's own (English) name is used for any other source. */
    var SOURCE_NAMES_UK = {
        'ua-air-force': 'Командування Повітряних сил ЗСУ',
        'ua-air-command-south': 'Повітряне командування «Південь»',
        'ua-air-command-east': 'Повітряне командування «Схід»',
        'ua-air-command-west': 'Повітряне командування «Захід»',
        'ua-air-command-centre': 'Повітряне командування «Центр»',
        'ua-general-staff': 'Генеральний штаб ЗСУ',
        'ua-commander-in-chief': 'Головнокомандувач ЗСУ',
        'ua-other': 'Інші українські джерела',
        'ru-mod': 'Міністерство оборони Російської Федерації'
    };
    /** Where a reader finds a source's own posts. */
    var SOURCE_LINKS = { 'ua-air-force': 'https://t.me/kpszsu', 'ru-mod': 'https://t.me/mod_russia' };

    var $ = function (id) { return document.getElementById(id); };
    var root = $('widget');
    var S = STRINGS.en;
    var fmt = null;

    var state = {
        params: null,
        source: null,
        etag: null,
        version: null,
        model: null,
        timer: null,
        busy: false,
        lastChecked: null,
        active: null,   // the date of the night whose values the tooltip shows
        tipHidden: false,
        lastHeight: 0
    };

    // ---- parameters ------------------------------------------------------------------------

    function categoryLabel(slug) {
        return S.categories[slug];
    }

    function wholeNumber(query, name, errors) {
        var limits = LIMITS[name];
        var raw = query.get(name);
        if (raw === null || raw.trim() === '') {
            return limits[2];
        }
        var n = Number(raw.trim());
        if (!/^\d+$/.test(raw.trim()) || n < limits[0] || n > limits[1]) {
            errors.push(S.wholeNumber(name, limits[0], limits[1], clip(raw)));
            return limits[2];
        }
        return n;
    }

    function choices(list) {
        return list.slice(0, -1).join(', ') + S.or + list[list.length - 1];
    }

    /** "uk-UA" → "uk"; null unless the widget speaks it. */
    function language(tag) {
        var base = String(tag || '').trim().toLowerCase().split(/[-_]/)[0];
        return LANGS.indexOf(base) >= 0 ? base : null;
    }

    /** The query string, checked; errors are sentences a newsroom editor can act on, in the widget's language. */
    function readParams(search) {
        var query = new URLSearchParams(search);
        var errors = [];
        var rawLang = (query.get('lang') || '').trim();
        var lang = rawLang ? language(rawLang) : language(document.documentElement.lang) || 'en';
        S = STRINGS[lang || 'en'];
        if (!lang) {
            errors.push(S.oneOf('lang', choices(LANGS), clip(rawLang)));
            lang = 'en';
        }
        var theme = (query.get('theme') || 'auto').trim().toLowerCase();
        if (THEMES.indexOf(theme) < 0) {
            errors.push(S.oneOf('theme', choices(THEMES), clip(theme)));
            theme = 'auto';
        }
        var source = (query.get('source') || DEFAULT_SOURCE).trim();
        var nights = wholeNumber(query, 'nights', errors);
        var refresh = wholeNumber(query, 'refresh', errors);
        var measure = (query.get('measure') || 'both').trim().toLowerCase();
        if (!MEASURES[measure]) {
            errors.push(S.oneOf('measure', 'launched, neutralised' + S.or + 'both', clip(measure)));
            measure = 'both';
        }
        var categories = null;
        var rawCategory = (query.get('category') || '').trim();
        if (rawCategory) {
            categories = [];
            rawCategory.split(',').forEach(function (part) {
                var slug = part.trim().toLowerCase();
                if (CATEGORIES.indexOf(slug) < 0) {
                    errors.push(S.oneOrMoreOf('category', CATEGORIES.join(', '), clip(part.trim())));
                } else if (categories.indexOf(slug) < 0) {
                    categories.push(slug);
                }
            });
            // Keep the stacking order, whatever order the embedder wrote.
            categories = CATEGORIES.filter(function (s) { return categories.indexOf(s) >= 0; });
        }
        return {
            lang: lang, theme: theme, source: source, nights: nights, refresh: refresh, measure: measure,
            measures: MEASURES[measure], categories: categories, embed: query.get('embed'), errors: errors
        };
    }

    function clip(s) {
        return s.length > 40 ? s.slice(0, 40) + '…' : s;
    }

    /** The formatters of the widget's language; dates are calendar dates, so they are formatted in UTC. */
    function formatters(locale) {
        var utc = function (options) { options.timeZone = 'UTC'; return new Intl.DateTimeFormat(locale, options); };
        var uk = locale.indexOf('uk') === 0;
        return {
            number: new Intl.NumberFormat(locale),
            percent: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
            date: utc({ day: 'numeric', month: uk ? 'long' : 'short', year: 'numeric' }),
            dateShort: utc({ day: 'numeric', month: 'short', year: 'numeric' }),
            day: utc({ day: 'numeric', month: 'short' }),
            month: utc({ month: 'short' }),
            year: utc({ year: 'numeric' }),
            clock: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
            relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
            list: Intl.ListFormat ? new Intl.ListFormat(locale, { type: 'conjunction' }) : null
        };
    }

    function list(items) {
        return fmt.list ? fmt.list.format(items) : items.join(S.and);
    }

    /** The static words of the page, in the widget's language. */
    function translatePage(lang) {
        document.documentElement.lang = lang;
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (e) {
            e.textContent = S[e.getAttribute('data-i18n')];
        });
        document.title = S.title;
    }

    /** theme=auto follows the reader's system setting, also when it changes while the page is open. */
    function applyTheme(theme) {
        var html = document.documentElement;
        var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
        var resolve = function () {
            html.setAttribute('data-theme', theme !== 'auto' ? theme : dark && dark.matches ? 'dark' : 'light');
        };
        resolve();
        if (theme === 'auto' && dark && dark.addEventListener) {
            dark.addEventListener('change', resolve);
        }
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
        var detail = S.answered(res.status);
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

    /** The CSV of exactly what the widget draws, for a spreadsheet or a Datawrapper chart. */
    function csvUrl(from, to) {
        var params = state.params;
        if (params.categories) {
            return url('series', {
                source: params.source, from: from, to: to, groupBy: 'category', category: params.categories.join(','),
                measure: 'launched,neutralised', fill: 'null', format: 'csv'
            });
        }
        return url('nights', { source: params.source, from: from, to: to, format: 'csv' });
    }

    /** Everything one render needs, built from the server's answers without doing sums of our own. */
    async function load(summary) {
        var params = state.params;
        if (!summary.latestNight) {
            return { empty: true, summary: summary };
        }
        var to = summary.latestNight.date;
        var from = addDays(to, 1 - params.nights);
        var requests = [
            getJson('nights', { source: params.source, from: from, to: to }),
            // the latest night's reports: their windows and posts; the chart does without them
            getJson('nights/' + to, { source: params.source }).catch(function () { return null; })
        ];
        if (params.categories) {
            requests.push(getJson('series', {
                source: params.source, from: from, to: to, groupBy: 'total', fill: 'null',
                category: params.categories.join(','), measure: 'launched,neutralised,interceptionRate'
            }));
        }
        var answers = await Promise.all(requests);
        return model(summary, from, to, answers[0], answers[1], answers[2] || null);
    }

    function seriesValues(series, measure) {
        for (var i = 0; i < series.series.length; i++) {
            if (series.series[i].measure === measure) {
                return series.series[i];
            }
        }
        return { values: [], partial: [] };
    }

    function model(summary, from, to, nights, latestNight, filtered) {
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
        var wanted = params.categories || CATEGORIES;
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
            reports: latestNight && latestNight.date === to ? latestNight.reports : [],
            categories: present, measures: params.measures, attribution: nights.attribution
        };
    }

    // ---- formatting --------------------------------------------------------------------------

    function asDate(iso) {
        return new Date(iso + 'T00:00:00Z');
    }

    // Values: a number; null, unknown (no report, or the report does not give it); undefined, the
    // report names no such weapon.
    function count(v) {
        return v === undefined ? '–' : v === null ? S.unknown : fmt.number.format(v);
    }

    function rate(v) {
        return v === undefined ? '–' : v === null ? S.unknown : fmt.percent.format(v);
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
        var out = { segments: [], named: false, known: false, sum: 0 };
        m.categories.forEach(function (slug) {
            var v = categoryValue(day, slug, measure);
            out.named = out.named || v !== undefined;
            if (v !== null && v !== undefined) {
                out.known = true;
                out.segments.push({ category: slug, value: v });
                out.sum += v;
            }
        });
        return out;
    }

    /** A reported night naming the chosen weapons without giving this measure. */
    function notGiven(bar) {
        return bar.named && !bar.known;
    }

    function sourceName(source) {
        return state.params.lang === 'uk' && SOURCE_NAMES_UK[source.slug] || source.name.replace(/ \(claims\)$/, '');
    }

    /** Today's date where the source writes its windows (the reader's zone when the browser does not know it). */
    function today(zone) {
        var options = { year: 'numeric', month: '2-digit', day: '2-digit' };
        try {
            options.timeZone = zone;
            return new Intl.DateTimeFormat('en-CA', options).format(new Date());
        } catch (unknownZone) {
            delete options.timeZone;
            return new Intl.DateTimeFormat('en-CA', options).format(new Date());
        }
    }

    function daysBetween(a, b) {
        return Math.round((asDate(b) - asDate(a)) / 86400000);
    }

    /** One end of a window, as the source's clock read it: {time, date} (time null for a date-only end). */
    function windowEnd(iso, zone) {
        var dateOnly = !/T/.test(iso);
        var instant = dateOnly ? asDate(iso) : new Date(iso);
        var local = { day: 'numeric', month: S.locale === 'uk-UA' ? 'long' : 'short' };
        var clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
        if (!dateOnly) {
            try {
                local.timeZone = clock.timeZone = zone;
                return {
                    time: new Intl.DateTimeFormat(S.locale, clock).format(instant),
                    date: new Intl.DateTimeFormat(S.locale, local).format(instant)
                };
            } catch (unknownZone) {
                // The API writes the offset of the source's zone: its wall clock is the text itself.
                var wall = iso.slice(0, 16);
                return { time: wall.slice(11, 16), date: new Intl.DateTimeFormat(S.locale, { day: 'numeric', month: local.month, timeZone: 'UTC' }).format(asDate(wall.slice(0, 10))) };
            }
        }
        local.timeZone = 'UTC';
        return { time: null, date: new Intl.DateTimeFormat(S.locale, local).format(instant) };
    }

    function endText(end) {
        return end.time ? S.at(end.time, end.date) : end.date;
    }

    function zoneName(zone) {
        if (S.zones[zone]) {
            return S.zones[zone];
        }
        try {
            var part = new Intl.DateTimeFormat(S.locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date())
                .filter(function (p) { return p.type === 'timeZoneName'; })[0];
            return part ? part.value : zone;
        } catch (unknownZone) {
            return zone;
        }
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

    function link(parent, text, href) {
        var a = element('a', { href: href, target: '_blank', rel: 'noopener' }, text);
        parent.appendChild(a);
        return a;
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
            var labels = params.categories.map(function (s, i) { return i ? S.lower(categoryLabel(s)) : categoryLabel(s); });
            $('w-title').textContent = S.titleOf(list(labels));
        }
        var claim = source.kind === 'claim';
        $('w-byline').textContent = S.byline(sourceName(source), claim);
        $('w-claim').hidden = !claim;
        document.title = $('w-title').textContent + ' — ' + sourceName(source);
    }

    /** The latest night's window, from the first report's start to the last one's end, with a link to each post. */
    function renderWindow(m) {
        var box = $('w-window');
        box.replaceChildren();
        var reports = m.reports.filter(function (r) { return r.windowStart && r.windowEnd; });
        if (!reports.length) {
            box.hidden = true;
            return;
        }
        var zone = state.source.timeZone;
        var first = reports.reduce(function (a, r) { return new Date(r.windowStart) < new Date(a.windowStart) ? r : a; });
        var last = reports.reduce(function (a, r) { return new Date(r.windowEnd) > new Date(a.windowEnd) ? r : a; });
        var from = windowEnd(first.windowStart, zone);
        var to = windowEnd(last.windowEnd, zone);
        box.appendChild(document.createTextNode(S.windowText(endText(from), endText(to), from.time || to.time ? zoneName(zone) : null) + '. '));
        // one link per post: a post that reports two waves is two reports with one address
        var posts = [];
        m.reports.forEach(function (r) {
            if (r.url && posts.indexOf(r.url) < 0) {
                posts.push(r.url);
            }
        });
        if (posts.length === 1) {
            link(box, S.post, posts[0]).className = 'post';
        } else if (posts.length > 1) {
            box.appendChild(document.createTextNode(S.posts + ' '));
            posts.forEach(function (href, i) {
                if (i) {
                    box.appendChild(document.createTextNode(' · '));
                }
                link(box, String(i + 1), href).className = 'post';
            });
        }
        box.hidden = false;
    }

    function renderHeadline(m) {
        var day = m.latest;
        var latest = $('w-latest');
        latest.textContent = day.span ? S.span : S.night;
        latest.appendChild(element('time', { datetime: day.date }, fmt.date.format(asDate(day.date))));
        renderWindow(m);
        $('w-launched').textContent = count(day.totals.launched);
        $('w-neutralised').textContent = count(day.totals.neutralised);
        $('w-rate').textContent = rate(day.totals.interceptionRate);
        $('w-headline').setAttribute('data-date', day.date);
        var notes = [];
        if (!day.named) {
            notes.push(S.noneNamed);
        } else if (day.partial) {
            notes.push(S.partial);
        }
        if (day.withheld) {
            notes.push(S.withheld);
        }
        if (day.span) {
            notes.push(S.spanNote);
        }
        $('w-flags').textContent = notes.join(' ');
        var age = daysBetween(day.date, today(state.source.timeZone));
        var stale = $('w-stale');
        stale.hidden = age <= STALE_DAYS;
        stale.textContent = stale.hidden ? '' : S.stale(fmt.relative.format(-age, 'day'));
        stale.setAttribute('data-age-days', String(age));
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

    /** The tooltip of one night: its date, then one line per measure with the categories, then the rate. */
    function describe(m, day) {
        var lines = [fmt.date.format(asDate(day.date))];
        if (!day.reported) {
            lines.push(S.tipNoReport);
            return lines;
        }
        m.measures.forEach(function (measure) {
            var bar = stack(m, day, measure);
            if (!bar.named) {
                return;
            }
            var label = measure === 'launched' ? S.launched : S.neutralised;
            var parts = bar.segments.map(function (s) { return S.lower(categoryLabel(s.category)) + ' ' + fmt.number.format(s.value); });
            var total = day.totals[measure];
            lines.push(label + ': ' + (bar.known ? count(total === undefined ? null : total) + ' (' + parts.join(', ') + ')' : S.tipNotGiven));
        });
        if (day.named && day.totals.interceptionRate !== undefined) {
            lines.push(S.rate + ': ' + rate(day.totals.interceptionRate));
        }
        if (day.partial) {
            lines.push(S.tipPartly);
        }
        return lines;
    }

    /**
     * How the bars are laid out: "pair" (an outlined launched bar beside a filled neutralised bar),
     * "overlay" (filled neutralised bars under a launched line, when a pair would be too thin) or
     * "single" (one measure, filled bars).
     */
    function layout(measures, slot) {
        var pad = slot >= 6 ? slot * 0.2 : 0;
        if (measures.length === 1) {
            return { mode: 'single', pad: pad, barW: slot - pad };
        }
        var pairW = (slot - pad) / 2;
        return pairW >= MIN_PAIR_BAR ? { mode: 'pair', pad: pad, barW: pairW } : { mode: 'overlay', pad: pad, barW: slot - pad };
    }

    function segments(group, bar, day, measure, x, w, y, base, outlined) {
        var below = 0;
        bar.segments.forEach(function (s, k) {
            if (s.value <= 0) {
                return;
            }
            group.appendChild(svg('rect', {
                class: 'bar ' + measure + ' c-' + s.category + (outlined ? ' outline' : ''), 'data-date': day.date,
                'data-measure': measure, 'data-category': s.category, 'data-value': s.value,
                x: x, y: y(below + s.value), width: Math.max(w, 0.5), height: base - y(s.value)
            }));
            if (!outlined && below > 0 && k > 0) {
                // a hairline of the background between two filled segments, so each one borders the background
                group.appendChild(svg('line', { class: 'sep', x1: x, x2: x + w, y1: y(below), y2: y(below) }));
            }
            below += s.value;
        });
    }

    function stub(group, day, measure, x, w, base, plotH) {
        // A reported night that does not give this measure: a dashed stub, never a zero bar.
        var h = Math.min(14, plotH * 0.08);
        group.appendChild(svg('rect', {
            class: 'gap unknown', 'data-date': day.date, 'data-measure': measure,
            x: x + 0.5, y: base - h, width: Math.max(w - 1, 1), height: h
        }));
    }

    /** Axis labels: days on short ranges, months (and the year under January and the first month) on long ones. */
    function axis(m, g, left, slot, y0, right) {
        var n = m.days.length;
        var place = function (cx, half) { return Math.min(Math.max(cx, left + half), right - half); };
        if (n <= 62) {
            var years = m.from.slice(0, 4) !== m.to.slice(0, 4);
            var every = Math.max(1, Math.ceil((years ? 76 : 56) / slot));
            var shown = [];
            for (var i = n - 1; i >= 0; i -= every) {
                shown.unshift(i);
            }
            shown.forEach(function (d, k) {
                var date = m.days[d].date;
                var withYear = years && (k === 0 || m.days[shown[k - 1]].date.slice(0, 4) !== date.slice(0, 4));
                var text = withYear ? fmt.dateShort.format(asDate(date)) : fmt.day.format(asDate(date));
                var half = withYear ? 34 : 18;
                g.appendChild(svg('text', { class: 'tick', x: place(left + (d + 0.5) * slot, half), y: y0 + 12, 'text-anchor': 'middle' }, text));
            });
            return;
        }
        // months: a tick at each first of the month, labelled every k months so that labels keep 34 px apart
        var k = Math.max(1, Math.ceil(34 / (30.44 * slot)));
        var firstLabel = true;
        m.days.forEach(function (day, d) {
            var date = day.date;
            if (date.slice(8) !== '01' && d !== 0) {
                return;
            }
            var month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
            var x = left + d * slot;
            if (date.slice(8) === '01') {
                g.appendChild(svg('line', { class: 'tick-mark', x1: x, x2: x, y1: y0, y2: y0 + 4 }));
            }
            // the partial month at the start is labelled only when there is room before the next first
            if (d === 0 && date.slice(8) !== '01' && (32 - Number(date.slice(8))) * slot < 34) {
                return;
            }
            if (month % k !== 0 && !(d === 0)) {
                return;
            }
            var cx = place(x + 2, 2);
            g.appendChild(svg('text', { class: 'tick', x: cx, y: y0 + 12, 'text-anchor': 'start' }, fmt.month.format(asDate(date))));
            if (firstLabel || date.slice(5, 7) === '01') {
                g.appendChild(svg('text', { class: 'tick year', x: cx, y: y0 + 24, 'text-anchor': 'start' }, fmt.year.format(asDate(date))));
            }
            firstLabel = false;
        });
    }

    function renderChart(m) {
        var box = $('w-chart');
        var width = Math.max(240, Math.floor(box.clientWidth || 300));
        var height = Math.round(Math.min(300, Math.max(170, width * 0.42)));
        var measures = m.measures;
        var n = m.days.length;
        var max = 0;
        m.days.forEach(function (day) {
            if (day.reported) {
                measures.forEach(function (measure) { max = Math.max(max, stack(m, day, measure).sum); });
            }
        });
        var scale = ticks(max);
        var top = scale[scale.length - 1];
        var long = n > 62;
        var margin = { top: 8, right: 4, bottom: long ? 32 : 22, left: 10 + 7 * fmt.number.format(top).length };
        var plotW = width - margin.left - margin.right;
        var plotH = height - margin.top - margin.bottom;
        var slot = plotW / n;
        var lay = layout(measures, slot);
        var y = function (v) { return margin.top + plotH - (v / top) * plotH; };
        var base = y(0);

        var chart = svg('svg', {
            width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'group',
            'aria-labelledby': 'w-chart-title', 'aria-describedby': 'w-chart-desc', 'data-layout': lay.mode
        });
        var what = list(measures.map(function (x) { return (x === 'launched' ? S.launched : S.neutralised).toLowerCase(); }));
        chart.appendChild(svg('title', { id: 'w-chart-title' }, S.chartTitle(what, fmt.date.format(asDate(m.from)), fmt.date.format(asDate(m.to)))));
        var reported = m.days.filter(function (d) { return d.reported; }).length;
        chart.appendChild(svg('desc', { id: 'w-chart-desc' }, S.chartDesc(reported, n)));
        var defs = svg('defs');
        var hatch = svg('pattern', { id: 'w-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
        hatch.appendChild(svg('rect', { class: 'hatch-paper', width: 6, height: 6 }));
        hatch.appendChild(svg('line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }));
        defs.appendChild(hatch);
        chart.appendChild(defs);

        var grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
        scale.forEach(function (v) {
            grid.appendChild(svg('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v) }));
            grid.appendChild(svg('text', { x: margin.left - 4, y: y(v), dy: '0.32em', 'text-anchor': 'end' }, fmt.number.format(v)));
        });
        chart.appendChild(grid);

        var bars = svg('g', { class: 'bars' });
        var previousLine = null;
        m.days.forEach(function (day, i) {
            var x0 = margin.left + i * slot;
            var night = svg('g', {
                class: 'night', 'data-night': day.date, role: 'img', tabindex: '-1',
                'aria-label': describe(m, day).join('. ')
            });
            night.appendChild(svg('rect', { class: 'hit', x: x0, y: margin.top, width: Math.max(slot, 0.5), height: plotH }));
            if (!day.reported) {
                night.appendChild(svg('rect', {
                    class: 'gap no-report', 'data-date': day.date, x: x0, y: margin.top, width: Math.max(slot, 0.5), height: plotH,
                    fill: 'url(#w-hatch)'
                }));
                previousLine = null;
            } else if (lay.mode === 'overlay') {
                var neutralised = stack(m, day, 'neutralised');
                var launched = stack(m, day, 'launched');
                var x = x0 + lay.pad / 2;
                segments(night, neutralised, day, 'neutralised', x, lay.barW, y, base, false);
                if (notGiven(neutralised)) {
                    stub(night, day, 'neutralised', x, lay.barW, base, plotH);
                }
                if (launched.known) {
                    // a step line at each night's launched total, joined to the night before when that one is known
                    var ly = y(launched.sum);
                    var d = (previousLine !== null ? 'M' + x0 + ' ' + previousLine + 'V' + ly : 'M' + x0 + ' ' + ly) + 'H' + (x0 + slot);
                    night.appendChild(svg('path', {
                        class: 'launched-line', 'data-date': day.date, 'data-measure': 'launched', 'data-value': launched.sum, d: d
                    }));
                    previousLine = ly;
                } else {
                    previousLine = null;
                    if (notGiven(launched)) {
                        stub(night, day, 'launched', x, lay.barW, base, plotH);
                    }
                }
            } else {
                measures.forEach(function (measure, j) {
                    var bar = stack(m, day, measure);
                    var xb = x0 + lay.pad / 2 + j * lay.barW;
                    if (!bar.named) {
                        return;
                    }
                    segments(night, bar, day, measure, xb, lay.barW, y, base, lay.mode === 'pair' && measure === 'launched');
                    if (notGiven(bar)) {
                        stub(night, day, measure, xb, lay.barW, base, plotH);
                    }
                });
            }
            night.appendChild(svg('rect', { class: 'ring', x: x0 + 0.5, y: margin.top - 3, width: Math.max(slot - 1, 1), height: plotH + 3 }));
            bars.appendChild(night);
        });
        chart.appendChild(bars);

        var axisGroup = svg('g', { class: 'axis', 'aria-hidden': 'true' });
        axisGroup.appendChild(svg('line', { x1: margin.left, x2: width - margin.right, y1: base, y2: base }));
        axis(m, axisGroup, margin.left, slot, base + 2, width - margin.right);
        chart.appendChild(axisGroup);

        var tip = element('div', { id: 'w-tip', class: 'tip', 'aria-hidden': 'true', hidden: '' });
        box.replaceChildren(chart, tip);
        wireChart(chart);
    }

    // ---- the tooltip: keyboard (arrow keys between nights, Escape closes), pointer and touch ----

    function nights() {
        return Array.prototype.slice.call(document.querySelectorAll('#w-chart .night'));
    }

    function showTip(night) {
        var m = state.model;
        var tip = $('w-tip');
        var date = night.getAttribute('data-night');
        var day = m.days.filter(function (d) { return d.date === date; })[0];
        nights().forEach(function (g) { g.classList.toggle('active', g === night); });
        tip.replaceChildren();
        describe(m, day).forEach(function (line, i) { tip.appendChild(element(i ? 'span' : 'strong', {}, line)); });
        tip.hidden = false;
        var chart = $('w-chart');
        var box = chart.getBoundingClientRect();
        var hit = night.querySelector('.hit').getBoundingClientRect();
        var w = tip.offsetWidth;
        var left = hit.left - box.left + hit.width / 2 - w / 2;
        tip.style.left = Math.round(Math.min(Math.max(left, 0), Math.max(0, box.width - w))) + 'px';
        tip.style.top = '0px';
        tip.setAttribute('data-night', date);
        state.tipHidden = false;
    }

    function hideTip() {
        var tip = $('w-tip');
        if (tip) {
            tip.hidden = true;
            tip.removeAttribute('data-night');
        }
        nights().forEach(function (g) { g.classList.remove('active'); });
    }

    /** Makes one night the chart's single tab stop (the others are reached with the arrow keys). */
    function rove(list, index) {
        list.forEach(function (g, i) { g.setAttribute('tabindex', i === index ? '0' : '-1'); });
    }

    function wireChart(chart) {
        var all = nights();
        var index = all.length - 1;
        for (var i = 0; i < all.length; i++) {
            if (all[i].getAttribute('data-night') === state.active) {
                index = i;
            }
        }
        rove(all, index);
        chart.addEventListener('focusin', function (e) {
            var night = e.target.closest && e.target.closest('.night');
            if (night) {
                state.active = night.getAttribute('data-night');
                rove(all, all.indexOf(night));
                showTip(night);
            }
        });
        chart.addEventListener('focusout', function (e) {
            if (!chart.contains(e.relatedTarget)) {
                hideTip();
            }
        });
        chart.addEventListener('keydown', function (e) {
            var at = all.indexOf(document.activeElement);
            if (at < 0) {
                return;
            }
            var to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: all.length - 1 }[e.key];
            if (e.key === 'Escape') {
                hideTip();
                e.preventDefault();
            } else if (e.key === 'Enter' || e.key === ' ') {
                showTip(all[at]);
                e.preventDefault();
            } else if (to !== undefined) {
                all[Math.min(Math.max(to, 0), all.length - 1)].focus();
                e.preventDefault();
            }
        });
        // a mouse shows the night under it; a tap (or click) focuses the night, so it stays until a tap elsewhere
        chart.addEventListener('pointermove', function (e) {
            if (e.pointerType !== 'mouse') {
                return;
            }
            var night = e.target.closest && e.target.closest('.night');
            if (night && !night.classList.contains('active')) {
                showTip(night);
            }
        });
        chart.addEventListener('pointerleave', function (e) {
            if (e.pointerType === 'mouse' && !chart.contains(document.activeElement)) {
                hideTip();
            }
        });
        chart.addEventListener('click', function (e) {
            var night = e.target.closest && e.target.closest('.night');
            if (night) {
                night.focus();
                showTip(night);
            }
        });
        // a redraw (new data, a new width) keeps the keyboard on the night it was on
        if (state.refocus) {
            state.refocus = false;
            all[index].focus();
        }
    }

    function swatch(item, style) {
        var s = element('span', { class: 'swatch ' + (style || ''), 'aria-hidden': 'true' });
        item.insertBefore(s, item.firstChild);
        return s;
    }

    /** The legend names exactly the marks the chart drew. */
    function renderLegend(m) {
        var legend = $('w-legend');
        legend.replaceChildren();
        var drawn = function (css) { return document.querySelector('#w-chart ' + css) !== null; };
        m.categories.forEach(function (slug) {
            swatch(legend.appendChild(element('li', {}, categoryLabel(slug))), 'c-' + slug);
        });
        var mode = document.querySelector('#w-chart svg').getAttribute('data-layout');
        if (mode === 'pair') {
            swatch(legend.appendChild(element('li', {}, S.pairLaunched)), 'outline');
            swatch(legend.appendChild(element('li', {}, S.pairNeutralised)), 'filled');
        } else if (mode === 'overlay') {
            swatch(legend.appendChild(element('li', {}, S.lineLaunched)), 'line');
            swatch(legend.appendChild(element('li', {}, S.barsNeutralised)), 'filled');
        } else {
            legend.appendChild(element('li', { class: 'measure' }, S.bars(m.measures[0] === 'launched' ? S.launched : S.neutralised)));
        }
        if (drawn('.gap.no-report')) {
            swatch(legend.appendChild(element('li', {}, S.legendNoReport)), 'hatched');
        }
        if (drawn('.gap.unknown')) {
            swatch(legend.appendChild(element('li', {}, S.legendNotGiven)), 'dashed');
        }
    }

    function renderCoverage(m) {
        var reported = m.days.filter(function (d) { return d.reported; }).length;
        var box = $('w-coverage');
        box.hidden = reported === m.days.length;
        box.textContent = box.hidden ? '' : S.coverage(reported, m.days.length);
    }

    function cell(row, v, format) {
        row.appendChild(element('td', typeof v === 'number' ? {} : { class: 'unknown' }, format(v)));
    }

    function renderTable(m) {
        var table = $('w-table');
        $('w-table-caption').textContent = S.caption(fmt.dateShort.format(asDate(m.from)), fmt.dateShort.format(asDate(m.to)));
        var head = element('tr');
        head.appendChild(element('th', { scope: 'col' }, S.nightCol));
        [S.launched, S.neutralised, S.rate].forEach(function (h) {
            head.appendChild(element('th', { scope: 'col' }, h));
        });
        m.categories.forEach(function (slug) {
            m.measures.forEach(function (measure) {
                head.appendChild(element('th', { scope: 'col' }, S.column(categoryLabel(slug), measure === 'launched' ? S.launched : S.neutralised)));
            });
        });
        table.tHead.replaceChildren(head);
        var body = document.createDocumentFragment();
        m.days.slice().reverse().forEach(function (day) {
            var tr = element('tr', { 'data-date': day.date });
            var th = element('th', { scope: 'row' });
            th.appendChild(element('time', { datetime: day.date }, fmt.dateShort.format(asDate(day.date))));
            var notes = [];
            if (!day.reported) {
                notes.push(S.noReport);
            } else {
                if (day.span) {
                    notes.push(S.multiNight);
                }
                if (day.withheld) {
                    notes.push(S.withheldNote);
                } else if (day.partial) {
                    notes.push(S.partialNote);
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
            m.categories.forEach(function (slug) {
                m.measures.forEach(function (measure) {
                    cell(tr, categoryValue(day, slug, measure), count);
                });
            });
            body.appendChild(tr);
        });
        table.tBodies[0].replaceChildren(body);
        $('w-data').hidden = false;
    }

    /** The credit: the service's attribution in English; in Ukrainian the same credit in Ukrainian. */
    function renderCredit(attribution) {
        var credit = $('w-credit');
        var source = state.source;
        var claim = source.kind === 'claim';
        var text = attribution;
        if (state.params.lang === 'uk') {
            text = claim ? 'твердження, опубліковані: ' + sourceName(source) + '; не перевірено.'
                : 'звіти — ' + sourceName(source) + '. Історія: набір даних «Massive Missile Attacks on Ukraine», '
                + 'автор Петро Іванюк (Petro Ivaniuk), Kaggle — оцифровані звіти Повітряних сил ЗСУ.';
        }
        credit.replaceChildren(document.createTextNode(S.source + text + ' '));
        var own = SOURCE_LINKS[source.slug];
        if (own) {
            link(credit, S.ownLinks[source.slug], own);
        }
        if (!claim) {
            if (own) {
                credit.appendChild(document.createTextNode(' · '));
            }
            link(credit, S.dataset, DATASET_URL);
        }
    }

    function render(m) {
        var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#w-chart .night');
        state.refocus = Boolean(focused);
        state.model = m;
        renderFrame();
        if (m.empty) {
            showMessage(S.empty(sourceName(state.source), state.params.refresh));
            $('w-headline').hidden = true;
            $('w-figure').hidden = true;
            $('w-data').hidden = true;
            $('w-get').hidden = true;
            renderCredit(m.summary.attribution);
            return;
        }
        showMessage('');
        renderHeadline(m);
        $('w-figure').hidden = false;
        renderCoverage(m);
        renderChart(m);
        renderLegend(m);
        renderTable(m);
        $('w-csv').href = csvUrl(m.from, m.to);
        $('w-get').hidden = false;
        renderCredit(m.attribution);
    }

    function setStatus(stale, reason) {
        var status = $('w-status');
        var checked = state.lastChecked ? fmt.clock.format(state.lastChecked) : null;
        status.textContent = stale ? S.stuck(reason, checked, state.params.refresh) : S.checked(checked, state.params.refresh);
        status.classList.toggle('stale', stale);
        root.setAttribute('data-stale', String(stale));
    }

    // ---- the frame's height, for embed.js --------------------------------------------------

    /** Tells the embedding page how tall the widget is, so embed.js sizes the iframe to it (no blank, no scrolling). */
    function postHeight() {
        if (window.parent === window) {
            return;
        }
        var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (h !== state.lastHeight) {
            state.lastHeight = h;
            // Only a height and the embed's id: nothing a foreign page may not know, hence any target origin.
            window.parent.postMessage({ type: 'airattack-widget:height', id: state.params.embed, height: h }, '*');
        }
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
        invalid([S.sourceOneOf(sources.map(function (s) { return s.slug; }).join(', '), clip(state.params.source))]);
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
                showMessage(S.failed(e.message || e, state.params.refresh));
                root.setAttribute('data-state', 'error');
            }
            setStatus(true, e instanceof ApiError ? e.message : S.network);
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
        showMessage(S.invalid(errors.join(' ')));
    }

    function start() {
        state.params = readParams(location.search);
        fmt = formatters(S.locale);
        translatePage(state.params.lang);
        applyTheme(state.params.theme);
        if (state.params.embed !== null) {
            // embed.js sizes the frame to the content: a scroll bar would only flicker
            document.documentElement.classList.add('embedded');
        }
        if (window.ResizeObserver) {
            new ResizeObserver(postHeight).observe(document.documentElement);
        }
        postHeight();
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
        // Escape closes a tooltip a hovering mouse opened, too (the chart hears keys only when a night has focus)
        document.addEventListener('keydown', function (e) {
            if (e.key === 'Escape') {
                hideTip();
            }
        });
        // a tap outside the chart closes its tooltip
        document.addEventListener('pointerdown', function (e) {
            var chart = $('w-chart');
            if (chart && !chart.contains(e.target)) {
                hideTip();
                if (chart.contains(document.activeElement)) {
                    document.activeElement.blur();
                }
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
                pending = requestAnimationFrame(function () {
                    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#w-chart .night');
                    state.refocus = Boolean(focused);
                    renderChart(state.model);
                    renderLegend(state.model);
                });
            }).observe($('w-chart'));
        }
        poll();
    }

    start();
}());
