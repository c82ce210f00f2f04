-- The dev mode's H2 has no fillfactor: the PostgreSQL step of this version (db/postgresql) leaves room on
-- each page of night_figures for updates in place; here there is nothing to do.
select 1;
