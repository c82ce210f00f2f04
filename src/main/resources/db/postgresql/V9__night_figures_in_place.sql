-- The figures announced per night are rewritten in place whenever a write changes the night (an
-- import of a revised history rewrites thousands a file). Room on each page lets PostgreSQL keep the
-- new version beside the old one without a new index entry (a heap-only update), so the primary key
-- does not fill with dead entries that every later lookup of the night walks: with the delete and
-- insert of before and no vacuum between them, the event recorder's lookups of the hundredfold
-- history's nights took some 20 s of the database's time an import (docs/performance.md#scale).
-- PostgreSQL only (db/h2 holds the dev mode's empty step of the same version).
alter table night_figures set (fillfactor = 70);
