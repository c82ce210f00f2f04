-- Ids of reports, revisions and lines are handed out in blocks of 500 (Hibernate's pooled optimizer,
-- allocationSize in the entities) instead of 50: an import file of the hundredfold history took
-- some 250 sequence round trips for its revisions and lines. The next block starts after every id
-- handed out so far, so nothing collides. Runs unchanged on PostgreSQL and on H2 (dev mode).
alter sequence report_seq increment by 500;
alter sequence report_revision_seq increment by 500;
alter sequence report_line_seq increment by 500;
