-- Case attributes are declared by the framework (issue #16): every case keeps its values as JSON; the probation
-- columns stay for the probation framework and are empty for others.
alter table sampled_case add column attributes text;
alter table sampled_case alter column cohort drop not null;
alter table sampled_case alter column sentence_type drop not null;
alter table sampled_case alter column young_adult drop not null;
alter table sampled_case alter column gender drop not null;
alter table sampled_case alter column ethnicity drop not null;
alter table sampled_case alter column rosh_level drop not null;
alter table sampled_case alter column start_date drop not null;
update sampled_case set attributes = json_build_object('cohort', cohort, 'sentenceType', sentence_type,
    'youngAdult', young_adult, 'gender', gender, 'ethnicity', ethnicity, 'roshLevel', rosh_level,
    'startDate', to_char(start_date, 'YYYY-MM-DD'))::text
where attributes is null;
