-- The dev mode's step of the PostgreSQL version (db/postgresql): night_figures keeps the digest and
-- the totals of a night's announced figures instead of the figures. The dev mode's in-memory database
-- starts empty, so there is nothing to convert.
delete from night_figures;
alter table night_figures drop column figures;
alter table night_figures add column digest varchar(64) not null;
alter table night_figures add column totals text not null;
