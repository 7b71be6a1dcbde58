-- The report's text as case-events carried it (narrative.recorded, recommendations.recorded, background.recorded):
-- the latest version of each part, its body the event's JSON. Part of the projection: rebuilt from the topic.
create table report_text (
    inspection_id  uuid    not null,
    part           text    not null,
    version        integer not null,
    body           text    not null,
    primary key (inspection_id, part)
);

-- The fieldwork week and the sample window (from inspection.opened), for the report's background.
alter table inspection add column fieldwork_start text;
alter table inspection add column sample_from text;
alter table inspection add column sample_to text;
