import type { AnnotationQuery } from '@grafana/schema';

/**
 * A type as it is spelled in JSON: a string enum of @grafana/schema (ThresholdsMode,
 * BigValueColorMode, ...) becomes the union of its string values, so a dashboard's JSON text can be
 * checked against the schema's types with `satisfies` without losing excess-property checks.
 */
export type Json<T> =
    T extends string ? `${T}` :
    T extends number | boolean | null | undefined ? T :
    T extends ReadonlyArray<infer U> ? Array<Json<U>> :
    T extends object ? { [K in keyof T]: Json<T[K]> } :
    T;

/**
 * A Prometheus annotation query as Grafana stores it (the Prometheus datasource's annotation support:
 * the query in `target`, and how its series become events), which @grafana/schema leaves untyped: its
 * AnnotationQuery knows only the Grafana datasource's target.
 */
export type PrometheusAnnotation = Omit<AnnotationQuery, 'target'> & {
    target: { refId: string; expr: string; interval?: string };
    titleFormat?: string;
    textFormat?: string;
    tagKeys?: string;
    useValueForTime?: boolean;
};
