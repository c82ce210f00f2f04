-- What is kept of a night's announced figures: their digest (equal figures, equal digest: a change is
-- judged by it) and their totals (a correction quotes them as "previous"), not the figures' kilobyte
-- of JSON, which the event recorder read back for every night an import touched — at a hundred times
-- today's history, thousands a file (docs/performance.md#scale). The digest is the SHA-256 of the
-- figures' UTF-8 text in lower-case hex, as the service computes it; the totals are their JSON text as
-- stored. PostgreSQL only (db/h2 holds the dev mode's step of the same version).
alter table night_figures add column digest varchar(64), add column totals text;
update night_figures set digest = encode(sha256(convert_to(figures, 'UTF8')), 'hex'), totals = ((figures::json) -> 'totals')::text;
alter table night_figures alter column digest set not null, alter column totals set not null;
alter table night_figures drop column figures;
