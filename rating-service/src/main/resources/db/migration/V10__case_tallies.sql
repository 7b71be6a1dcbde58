-- Breakdown dimensions are declared by the framework (issue #16): each case keeps its tally value per dimension
-- as JSON. Rows from before keep null here and are read from the probation columns.
alter table case_file add column tallies text;
