-- The same-night rule looks up the active reports of a source dated a given date on every single
-- write (ReportRepository.activeOn); without an index on the date that is a scan of every revision,
-- which at a hundred times today's history was most of a write's time (docs/performance.md#scale).
-- Runs unchanged on PostgreSQL and on H2 (dev mode).
create index report_revision_date_ix on report_revision (report_date);
