-- A report its writer marks as a separate wave of a night already reported (issue 15): never taken
-- for the same report filed twice, so neither refused nor superseded by the dataset's report.
alter table report_revision add column additional_wave boolean not null default false;
