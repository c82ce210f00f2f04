// Runs every query of every dashboard in deploy/grafana/dashboards (panels, variables and annotation
// queries) through a running Prometheus's HTTP API, with the template variables substituted as
// Grafana would (each variable's default; "All" as its allValue; an empty default as the first value
// its query finds), and fails unless each one returns data (at least one series with a number that
// is not NaN; a variable: its default among the values).
//
//   PROMETHEUS_URL   the Prometheus to ask (default http://127.0.0.1:9090)
//   HISTORY_FROM     Unix seconds: where panels with a minimum interval (the nightly history,
//                    backfilled) start their range query; default five years ago
//   DEADLINE_SECONDS how long to keep retrying queries without data (scrapes and rule evaluations
//                    may still be on their way); default 120
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = resolve(here, '../dashboards');
const prometheus = process.env.PROMETHEUS_URL ?? 'http://127.0.0.1:9090';
const now = () => Math.floor(Date.now() / 1000);
const historyFrom = Number(process.env.HISTORY_FROM ?? now() - 5 * 365 * 86400);
const deadline = Date.now() + 1000 * Number(process.env.DEADLINE_SECONDS ?? 120);
// What Grafana gives a panel without a minimum interval over the last minutes, with a 15 s scrape.
const RECENT = { range: 600, interval: '15s', rateInterval: '1m' };

const SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const seconds = (d) => {
    const m = /^(\d+)([smhdwy])$/.exec(d);
    if (!m) {
        throw new Error(`cannot read the interval ${d}`);
    }
    return Number(m[1]) * SECONDS[m[2]];
};

async function api(path, params) {
    // As Grafana asks (POST for queries); the label values endpoint takes GET only.
    const get = path.startsWith('label/');
    const response = await fetch(`${prometheus}/api/v1/${path}${get ? `?${new URLSearchParams(params)}` : ''}`, get ? {} : {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params),
    });
    const body = await response.json();
    if (body.status !== 'success') {
        throw new Error(`${body.errorType}: ${body.error}`);
    }
    return body.data;
}

/** How many series, and values in them that are numbers, a query answered. */
function count(data) {
    if (data.resultType === 'scalar') {
        return { series: 1, values: Number.isNaN(Number(data.result[1])) ? 0 : 1 };
    }
    let values = 0;
    for (const s of data.result) {
        const points = s.values ?? [s.value];
        values += points.filter(([, v]) => !Number.isNaN(Number(v))).length;
    }
    return { series: data.result.length, values };
}

/** The expression with the dashboard's variables substituted, longest names first ($instance before $i...). */
function substitute(expr, variables) {
    let out = expr;
    for (const [name, value] of Object.entries(variables).sort(([a], [b]) => b.length - a.length)) {
        out = out.replaceAll(`\${${name}}`, value).replaceAll(`$${name}`, value);
    }
    return out;
}

const checks = [];
for (const file of readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort()) {
    const dashboard = JSON.parse(readFileSync(join(dashboards, file), 'utf8'));
    // Resolved in dashboard order, as Grafana does: a variable's query may use the ones before it.
    const variables = {};
    for (const v of dashboard.templating?.list ?? []) {
        if (v.type === 'datasource') {
            continue; // queries go to this one Prometheus
        }
        const query = typeof v.query === 'string' ? v.query : v.query?.query;
        const m = /^label_values\((.+),\s*(\w+)\)$/.exec(query ?? '');
        if (v.type !== 'query' || !m) {
            throw new Error(`${file}: variable ${v.name}: only label_values(metric, label) queries are checked here`);
        }
        const match = substitute(m[1], variables);
        const values = await api(`label/${m[2]}/values`, { 'match[]': match, start: historyFrom, end: now() });
        const current = v.current?.value;
        if (current === '$__all') {
            variables[v.name] = v.allValue ?? values.join('|');
        } else if (current === '' || current === undefined) {
            variables[v.name] = values[0] ?? '';
        } else {
            variables[v.name] = current;
        }
        checks.push({
            name: `${file} variable $${v.name}: label_values(${match}, ${m[2]})`,
            run: async () => {
                const found = await api(`label/${m[2]}/values`, { 'match[]': match, start: historyFrom, end: now() });
                if (current === '$__all' ? !v.includeAll : (current && !found.includes(current))) {
                    throw new Error(`its default ${current} is not among ${JSON.stringify(found)}`);
                }
                return `${found.length} values: ${found.join(', ')}; default ${current === '$__all' ? 'All' : current || '(the first)'}`
                    + ` stands for "${variables[v.name]}"`;
            },
        });
    }
    for (const annotation of (dashboard.annotations?.list ?? []).filter((a) => !a.builtIn)) {
        const interval = annotation.target.interval || RECENT.interval;
        const expr = substitute(annotation.target.expr.replaceAll('$__interval', interval), variables);
        checks.push({
            name: `${file} annotation "${annotation.name}" (range over the last ${RECENT.range / 60} min, step ${interval})`,
            expr,
            run: async () => {
                const c = count(await api('query_range', { query: expr, start: now() - RECENT.range, end: now(), step: seconds(interval) }));
                if (c.values === 0) {
                    throw new Error(`no data (${c.series} series, no value that is a number)`);
                }
                return `${c.series} series, ${c.values} values`;
            },
        });
    }
    for (const panel of dashboard.panels ?? []) {
        for (const target of panel.targets ?? []) {
            const history = Boolean(panel.interval);
            const interval = history ? panel.interval : RECENT.interval;
            const expr = substitute(target.expr
                .replaceAll('$__rate_interval', history ? interval : RECENT.rateInterval)
                .replaceAll('$__interval_ms', String(seconds(interval) * 1000))
                .replaceAll('$__interval', interval), variables);
            const kind = target.instant ? 'instant' : history ? `range since ${new Date(historyFrom * 1000).toISOString().slice(0, 10)}, step ${interval}` : `range over the last ${RECENT.range / 60} min, step ${interval}`;
            checks.push({
                name: `${file} panel ${panel.id} "${panel.title}" ${target.refId} (${kind})`,
                expr,
                run: async () => {
                    const data = target.instant
                        ? await api('query', { query: expr, time: now() })
                        : await api('query_range', {
                            query: expr,
                            start: history ? historyFrom : now() - RECENT.range,
                            end: now(),
                            step: seconds(interval),
                        });
                    const c = count(data);
                    if (c.values === 0) {
                        throw new Error(`no data (${c.series} series, no value that is a number)`);
                    }
                    return `${c.series} series, ${c.values} values`;
                },
            });
        }
    }
}

const results = new Map();
for (;;) {
    for (const check of checks) {
        if (results.get(check)?.ok) {
            continue;
        }
        try {
            results.set(check, { ok: true, detail: await check.run() });
        } catch (e) {
            results.set(check, { ok: false, detail: e.message });
        }
    }
    const failing = checks.filter((c) => !results.get(c).ok);
    if (failing.length === 0 || Date.now() > deadline) {
        break;
    }
    await new Promise((r) => setTimeout(r, 5000));
}
let failed = 0;
for (const check of checks) {
    const r = results.get(check);
    failed += r.ok ? 0 : 1;
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${r.detail}${r.ok ? '' : `\n     ${check.expr ?? ''}`}`);
}
console.log(`Dashboard queries and variables against ${prometheus}:`);
console.log(`queries: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
